package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A running guest's consoles: the UEFI framebuffer's VNC port, cu on its nmdm port, and the
 * supervisor in a tmux session.
 */
class ConsolesIT extends GuestRunFixture {

    @Test
    void uefiGuestsGetFirmwareAndAVncPort() throws Exception {
        Path firmware = host.hostRoot.resolve("usr/local/share/uefi-firmware/BHYVE_UEFI.fd");
        Files.createDirectories(firmware.getParent());
        Files.writeString(firmware, "");
        Files.writeString(host.state.resolve("netstat-an"), "tcp4  0  0 *.5900  *.*  LISTEN\n");
        host.sh("cp $TEMPLATES/windows.conf vm/.templates/");
        assertEquals(0, host.vm("create", "-t", "windows", "-s", "1G", "win").exit());
        FakeHost.Run run = host.vm("start", "-f", "win");
        assertEquals(1, run.exit(), run.stderr());
        String bhyve = run.hostCalls().stream().filter(c -> c.startsWith("'bhyve'")).findFirst().orElseThrow();
        assertTrue(bhyve.contains("'-s' '0:6:0,fbuf,tcp=0.0.0.0:5901' '-s' '0:7:0,xhci,tablet'"), bhyve);
        assertTrue(bhyve.contains("'-l' 'bootrom," + firmware + "'"), bhyve);
        assertTrue(run.hostCalls().stream().noneMatch(c -> c.startsWith("'bhyveload'") || c.startsWith("'grub-bhyve'")));
        assertTrue(Files.readString(guest("win", "vm-bhyve.log")).contains("dynamically allocated port 5901 for vnc connections\n"));
        // without firmware the guest does not start, and says why in its log
        Files.delete(firmware);
        assertEquals(15, host.vm("start", "-f", "win").exit());
        assertTrue(Files.readString(guest("win", "vm-bhyve.log")).contains("fatal; unable to locate firmware " + firmware));
    }

    @Test
    void consoleAttachesCuToTheGuestsNmdmPort() throws Exception {
        staysUp();
        assertEquals("vm: ERROR: web doesn't appear to be a running virtual machine\n",
                host.vm("console", "web").stderr().replace(FakeHost.LAUNCHER.toString(), "vm"));
        assertEquals(0, host.vm("start", "web").exit());
        await("web to run", () -> running("web"));
        await("the console file", () -> Files.exists(guest("web", "console")));
        FakeHost.Run console = host.vm("console", "web");
        assertEquals(0, console.exit(), console.stderr());
        assertEquals(List.of("'cu' '-l' '/dev/nmdm-web.1B'"), console.hostCalls());
        host.vm("stop", "web");
        await("the supervisor to clean up", () -> !Files.exists(guest("web", "run.lock")));
    }

    /** With console=tmux the supervisor runs in a tmux session (real tmux, a private server). */
    @Test
    void tmuxConsoleRunsTheSupervisorInASession() throws Exception {
        OptionalTools.assume("tmux");
        staysUp();
        host.env("TMUX_TMPDIR", host.root.toString());
        assertEquals(0, host.vm("set", "console=tmux").exit());
        FakeHost.Run start = host.vm("start", "web");
        assertEquals(0, start.exit(), start.stderr());
        await("web to run", () -> running("web"));
        await("the console file", () -> Files.exists(guest("web", "console")));
        assertEquals("com1=tmux/web\n", Files.readString(guest("web", "console")));
        String log = Files.readString(guest("web", "vm-bhyve.log"));
        assertTrue(log.contains(" [bhyve console: -l com1,stdio]"), log);
        host.vm("stop", "web");
        await("the supervisor to clean up", () -> !Files.exists(guest("web", "run.lock")));
    }
}
