package org.vmbhyve.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vmbhyve.host.FakeRunner.ok;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the guests' configs ask of the host: vm check, UEFI firmware, grub-bhyve, tmux. */
class GuestNeedsChecksTest {

    private static final String BASE = "cpu=1\nmemory=256M\n";

    @TempDir
    Path dir;
    TestHost host;

    @BeforeEach
    void setUp() throws IOException {
        host = new TestHost(dir);
    }

    @Test
    void aGuestWithConfigErrorsFailsWithVmCheckAsTheFix() throws IOException {
        host.guest("good", "loader=\"uefi\"\n" + BASE).guest("bad", "loader=\"uefi\"\n" + BASE + "cpus=2\nmemroy=1G\n");
        host.file("/usr/local/share/uefi-firmware/BHYVE_UEFI.fd");
        assertEquals(List.of(Diagnosis.fail("guests", "bad: cpus: unknown setting, ignored; did you mean cpu? (and 1 more)",
                "vm check bad")), host.run(new GuestConfigCheck()));
        host.guest("bad", "loader=\"uefi\"\n" + BASE);
        assertEquals(List.of(Diagnosis.pass("guests", "2 guest(s) pass vm check")), host.run(new GuestConfigCheck()));
    }

    @Test
    void uefiGuestsNeedTheFirmwarePackage() throws IOException {
        assertEquals(List.of(Diagnosis.info("firmware", "no guest boots UEFI")), host.run(new FirmwareCheck()));
        host.guest("win", "loader=\"uefi-csm\"\n" + BASE).guest("bsd", "loader=\"uefi\"\n" + BASE);
        Path csm = host.paths.get("/usr/local/share/uefi-firmware/BHYVE_UEFI_CSM.fd");
        host.file("/usr/local/share/uefi-firmware/BHYVE_UEFI.fd");
        assertEquals(List.of(Diagnosis.fail("firmware", "win (loader=uefi-csm): unable to locate firmware " + csm,
                "pkg install bhyve-firmware")), host.run(new FirmwareCheck()));
        host.file("/usr/local/share/uefi-firmware/BHYVE_UEFI_CSM.fd");
        assertEquals(List.of(Diagnosis.pass("firmware", "UEFI firmware present for 2 guest(s)")),
                host.run(new FirmwareCheck()));
    }

    @Test
    void grubAndTmuxAreNeededOnlyWhenConfigured() throws IOException {
        assertEquals(List.of(Diagnosis.info("grub-bhyve", "not needed by any guest"),
                Diagnosis.info("tmux", "not needed by any guest")), host.run(new ToolsCheck()));
        host.guest("linux", "loader=\"grub\"\n" + BASE).system("console=\"tmux\"");
        assertEquals(List.of(
                Diagnosis.fail("grub-bhyve", "not installed; needed by loader=grub in linux", "pkg install grub2-bhyve"),
                Diagnosis.fail("tmux", "not installed; needed by console=tmux in system.conf", "pkg install tmux")),
                host.run(new ToolsCheck()));
        host.runner.answer("grub-bhyve", argv -> ok("")).answer("tmux", argv -> ok(""));
        assertEquals(List.of(Diagnosis.pass("grub-bhyve", "installed; needed by loader=grub in linux"),
                Diagnosis.pass("tmux", "installed; needed by console=tmux in system.conf")), host.run(new ToolsCheck()));
    }

    @Test
    void tpmGuestsNeedSwtpmAndARecentEnoughRelease() throws IOException {
        assertEquals(List.of(Diagnosis.info("swtpm", "no guest has tpm=\"swtpm\"; tpm=\"swtpm\" needs FreeBSD 15.0 or later,"
                        + " whose bhyve has the swtpm TPM backend (this host's uname -K is 1402000)"),
                Diagnosis.info("tpm-device", "no guest passes a TPM through")), host.run(new TpmCheck()));
        host.guest("win", "loader=\"uefi\"\ntpm=\"swtpm\"\n" + BASE)
                .guest("bsd", "loader=\"uefi\"\ntpm=\"passthru\"\n" + BASE);
        assertEquals(List.of(
                Diagnosis.fail("swtpm", "tpm=\"swtpm\" needs FreeBSD 15.0 or later, whose bhyve has the swtpm TPM backend"
                        + " (this host's uname -K is 1402000); used by win", "freebsd-update upgrade -r 15.0-RELEASE"),
                Diagnosis.fail("tpm-device", "TPM device /dev/tpm0 does not exist (is tpm(4) loaded? kldload tpm);"
                        + " used by bsd", "kldload tpm")), host.run(new TpmCheck()));
        host.osReldate = java.util.Optional.of(1500068);
        host.file("/dev/tpm0");
        assertEquals(Diagnosis.fail("swtpm", "tpm=\"swtpm\" needs the swtpm program, which is not installed"
                + " (install sysutils/swtpm); used by win", "pkg install swtpm"), host.run(new TpmCheck()).get(0));
        host.runner.answer("swtpm", argv -> ok(""));
        assertEquals(List.of(Diagnosis.pass("swtpm", "installed, and bhyve has the swtpm backend; used by win"),
                Diagnosis.pass("tpm-device", "/dev/tpm0 present; used by bsd")), host.run(new TpmCheck()));
    }
}
