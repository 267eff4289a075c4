package org.vmbhyve.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vmbhyve.host.FakeRunner.ok;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vm's own leftovers with no owner: bridges no switch owns, swtpm of guests that do not run. */
class OrphansChecksTest {

    @TempDir
    Path dir;
    TestHost host;

    @BeforeEach
    void setUp() throws IOException {
        host = new TestHost(dir);
        // web runs; nothing else does
        host.runner.answer("pgrep", argv -> argv.contains("^swtpm ")
                ? ok("51 swtpm socket --tpm2 --tpmstate dir=/vm/web/tpm --server type=unixio,path=/var/run/vm-bhyve/web.tpm\n"
                        + "52 swtpm socket --tpm2 --tpmstate dir=/vm/db/tpm --server type=unixio,path=/var/run/vm-bhyve/db.tpm\n")
                : ok("4242 bhyve: web\n"));
    }

    @Test
    void bridgesNoSwitchOwns() throws IOException {
        host.system("switch_list=\"public\"\ntype_public=\"standard\"");
        host.runner.answer("ifconfig", argv -> ok(argv.contains("vm-switch") ? "vm-public\nvm-gone\n" : ""));
        assertEquals(List.of(Diagnosis.warn("bridge", "vm-gone: a bridge of vm's that no switch in system.conf owns",
                "ifconfig vm-gone destroy")), host.run(new BridgeCheck()));
    }

    @Test
    void everyBridgeOwnedPasses() throws IOException {
        host.system("switch_list=\"public\"\ntype_public=\"standard\"");
        host.runner.answer("ifconfig", argv -> ok(argv.contains("vm-switch") ? "vm-public\n" : ""));
        assertEquals(List.of(Diagnosis.pass("bridge", "1 bridge(s) of vm's, each of a switch")), host.run(new BridgeCheck()));
    }

    @Test
    void noBridgesPass() {
        host.runner.answer("ifconfig", argv -> ok(""));
        assertEquals(List.of(Diagnosis.pass("bridge", "no bridges of vm's")), host.run(new BridgeCheck()));
    }

    @Test
    void swtpmOfAGuestThatDoesNotRun() {
        assertEquals(List.of(Diagnosis.warn("swtpm-left", "pid 52: the TPM of db, which is not running", "kill 52")),
                host.run(new SwtpmCheck()));
        assertEquals(List.of("pgrep", "-fl", "^swtpm "), host.runner.calls("pgrep").stream()
                .filter(c -> c.contains("^swtpm ")).findFirst().orElseThrow());
    }

    @Test
    void noSwtpmPasses() {
        host.runner.answer("pgrep", argv -> ok(argv.contains("^swtpm ") ? "" : "4242 bhyve: web\n"));
        assertEquals(List.of(Diagnosis.pass("swtpm-left", "no swtpm of vm's")), host.run(new SwtpmCheck()));
    }
}
