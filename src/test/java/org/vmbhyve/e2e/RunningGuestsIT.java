package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guests that run: the real launcher starts a detached supervisor, whose stub bhyve stays up
 * as {@code bhyve: NAME} until it is signalled, on the fake host.
 */
class RunningGuestsIT extends GuestRunFixture {

    @Test
    void startListStopAndCleanUp() throws Exception {
        staysUp();
        FakeHost.Run start = host.vm("start", "web");
        assertEquals(0, start.exit(), start.stderr());
        assertEquals("Starting web\n  * found guest in " + host.vmDir + "/web\n  * booting...\n", start.stdout());
        await("web to run", () -> running("web"));
        await("the lock", () -> Files.exists(guest("web", "run.lock")));
        assertEquals("fakehost\n", Files.readString(guest("web", "run.lock")));
        assertEquals("com1=/dev/nmdm-web.1B\n", Files.readString(guest("web", "console")));

        String list = host.vm("list").stdout();
        assertTrue(list.matches("(?s).*\nweb +default +bhyveload +1 +256M +- +Yes \\[1\\] +Running \\(\\d+\\) +-\n.*"), list);
        assertTrue(list.matches("(?s).*\ndb +default +bhyveload +1 +256M +- +Yes \\[2\\] +Stopped +-\n.*"), list);

        FakeHost.Run again = host.vm("start", "web");
        assertEquals(1, again.exit());
        assertTrue(again.stdout().endsWith("  ! guest appears to be running already\n"), again.stdout());

        FakeHost.Run stop = host.vm("stop", "web");
        assertEquals("Sending ACPI shutdown to web\n", stop.stdout());
        await("the supervisor to clean up", () -> !Files.exists(guest("web", "run.lock")));
        assertFalse(Files.exists(guest("web", "console")));
        assertFalse(Files.exists(host.state.resolve("if/tap0")), "tap0 left behind");
        String log = Files.readString(guest("web", "vm-bhyve.log"));
        assertTrue(log.contains("bhyveload -c /dev/nmdm-web.1A -m 256M"), log);
        assertTrue(log.contains("bhyve exited with status 1\n"), log);
        assertTrue(log.contains("destroying network device tap0\n"), log);
        assertTrue(log.endsWith("stopped\n"), log);
        list = host.vm("list").stdout();
        assertTrue(list.matches("(?s).*\nweb +default +bhyveload +1 +256M +- +Yes \\[1\\] +Stopped +-\n.*"), list);
    }

    @Test
    void aRebootRunsLoaderAndBhyveAgain() throws Exception {
        Files.writeString(host.state.resolve("bhyve-exits"), "0\n1\n");
        FakeHost.Run run = host.vm("start", "-f", "web");
        assertEquals(1, run.exit());
        List<String> boots = run.hostCalls().stream()
                .filter(c -> c.startsWith("'bhyveload'") || c.startsWith("'bhyve'")).map(c -> c.split(" ")[0]).toList();
        assertEquals(List.of("'bhyveload'", "'bhyve'", "'bhyveload'", "'bhyve'"), boots);
        String log = Files.readString(guest("web", "vm-bhyve.log"));
        assertTrue(log.contains("bhyve exited with status 0\n"), log);
        assertTrue(log.contains("restarting\n"), log);
        assertTrue(log.contains("starting bhyve (run 2)\n"), log);
    }

    @Test
    void aCrashingBhyveLeavesNoLockAndNoTap() throws Exception {
        Files.writeString(host.state.resolve("bhyve-exit"), "4");
        FakeHost.Run run = host.vm("start", "-f", "web");
        assertEquals(4, run.exit());
        assertFalse(Files.exists(guest("web", "run.lock")));
        assertFalse(Files.exists(host.state.resolve("if/tap0")), "tap0 left behind");
        assertTrue(run.hostCalls().contains("'ifconfig' 'tap0' 'destroy'"), run.hostCalls().toString());
    }

    @Test
    void aFailingLoaderEndsTheRunAndCleansUp() throws Exception {
        Files.writeString(host.state.resolve("loader-exit"), "3");
        FakeHost.Run run = host.vm("start", "-f", "web");
        assertEquals(3, run.exit());
        assertTrue(run.hostCalls().stream().noneMatch(c -> c.startsWith("'bhyve'")), run.hostCalls().toString());
        assertTrue(Files.readString(guest("web", "vm-bhyve.log")).contains("fatal; loader returned error 3\n"));
        assertFalse(Files.exists(guest("web", "run.lock")));
        assertFalse(Files.exists(host.state.resolve("if/tap0")));
    }

    @Test
    void sigtermToTheSupervisorStopsTheGuestCleanly() throws Exception {
        staysUp();
        assertEquals(0, host.vm("start", "web").exit());
        await("web to run", () -> running("web"));
        ProcessHandle supervisor = supervisorOf("web");
        supervisor.destroy();
        await("the supervisor to exit", () -> !supervisor.isAlive());
        assertFalse(running("web"), "bhyve still up");
        assertFalse(Files.exists(guest("web", "run.lock")));
        assertFalse(Files.exists(host.state.resolve("if/tap0")), "tap0 left behind");
    }

    @Test
    void startallInBootOrderStopallInReverse() throws Exception {
        staysUp();
        FakeHost.Run startall = host.vm("startall");
        assertEquals(0, startall.exit(), startall.stderr());
        assertEquals("Starting web\n  * found guest in " + host.vmDir + "/web\n  * booting...\nWaiting 0 second(s)\n"
                + "Starting db\n  * found guest in " + host.vmDir + "/db\n  * booting...\n", startall.stdout());
        await("both to run", () -> running("web") && running("db"));
        FakeHost.Run stopall = host.vm("stopall");
        assertEquals(0, stopall.exit());
        assertTrue(stopall.stdout().startsWith("Beginning shutdown process\n  * stopping db\n  * waiting 0 second(s)\n"
                + "  * stopping web\n\n"), stopall.stdout());
        await("both supervisors to clean up",
                () -> !Files.exists(guest("web", "run.lock")) && !Files.exists(guest("db", "run.lock")));
    }

    @Test
    void otherUsersListButCannotManage() throws Exception {
        staysUp();
        assertEquals(0, host.vm("start", "web").exit());
        await("web to run", () -> running("web"));
        String asRoot = host.vm("list").stdout();
        Files.writeString(host.state.resolve("uid"), "1001\n");

        FakeHost.Run list = host.vm("list");
        assertEquals(0, list.exit(), list.stderr());
        assertEquals(asRoot, list.stdout());
        assertTrue(list.stdout().matches("(?s).*\nweb +default +bhyveload +1 +256M +- +Yes \\[1\\] +Running \\(\\d+\\) +-\n.*"),
                list.stdout());
        assertTrue(list.hostCalls().stream().noneMatch(c -> c.startsWith("'kld") || c.startsWith("'sysctl'")),
                list.hostCalls().toString());
        FakeHost.Run info = host.vm("info", "web");
        assertEquals(0, info.exit(), info.stderr());
        assertTrue(info.stdout().contains("state: running"), info.stdout());
        assertEquals(0, host.vm("switch", "list").exit());

        for (String[] command : new String[][] {{"stop", "web"}, {"stopall"}, {"poweroff", "-f", "web"}}) {
            FakeHost.Run refused = host.vm(command);
            assertEquals(1, refused.exit(), String.join(" ", command));
            assertEquals("vm: ERROR: virtual machines can only be managed by root\n",
                    refused.stderr().replace(FakeHost.LAUNCHER.toString(), "vm"));
        }
        assertTrue(running("web"));
        Files.delete(host.state.resolve("uid"));
        assertEquals(0, host.vm("stop", "web").exit());
        await("the supervisor to clean up", () -> !Files.exists(guest("web", "run.lock")));
    }

    @Test
    void poweroffEndsTheGuest() throws Exception {
        staysUp();
        assertEquals(0, host.vm("start", "web").exit());
        await("web to run", () -> running("web"));
        assertEquals(0, host.vm("poweroff", "-f", "web").exit());
        await("the supervisor to clean up", () -> !Files.exists(guest("web", "run.lock")));
        assertFalse(running("web"));
        FakeHost.Run again = host.vm("poweroff", "-f", "web");
        assertEquals("vm: ERROR: web doesn't appear to be a running virtual machine\n",
                again.stderr().replace(FakeHost.LAUNCHER.toString(), "vm"));
    }

    @Test
    void dryRunPrintsTheCommandsAndChangesNothing() throws Exception {
        String conf = Files.readString(guest("web", "web.conf"));
        FakeHost.Run run = host.vm("start", "--dry-run", "web");
        assertEquals(0, run.exit(), run.stderr());
        String uuid = conf.replaceAll("(?s).*uuid=\"([^\"]+)\".*", "$1");
        String mac = conf.replaceAll("(?s).*network0_mac=\"([^\"]+)\".*", "$1");
        String disk = host.vmDir + "/web/disk0.img";
        assertEquals("bhyveload -c /dev/nmdm-web.1A -m 256M -e smbios.system.uuid=" + uuid
                + " -e autoboot_delay=3 -e bhyve_vm_name=web -d " + disk + " web\n"
                + "bhyve -s 0,hostbridge -s 31,lpc -s 0:4:0,virtio-blk," + disk
                + " -s '0:5:0,virtio-net,<tap>,mac=" + mac + "' -c 1 -m 256M -AHPw -U " + uuid
                + " -u -l com1,/dev/nmdm-web.1A web\n", run.stdout());
        assertEquals(List.of(), run.hostCalls(), "a dry run touched the host");
        assertEquals(conf, Files.readString(guest("web", "web.conf")));
        assertFalse(Files.exists(guest("web", "run.lock")));
    }

    @Test
    void aKilledSupervisorLeavesAStoppedGuestThatTheNextStartTakesOver() throws Exception {
        staysUp();
        assertEquals(0, host.vm("start", "web").exit());
        await("web to run", () -> running("web"));
        ProcessHandle supervisor = supervisorOf("web");
        supervisor.destroyForcibly();
        await("the supervisor to die", () -> !supervisor.isAlive());

        // bhyve lives on: the guest still runs and cannot be started twice
        assertTrue(host.vm("list").stdout().matches("(?s).*\nweb +.*Running \\(\\d+\\).*"));
        assertTrue(host.vm("start", "web").stdout().endsWith("  ! guest appears to be running already\n"));

        // once bhyve is gone the guest is stopped, though its lock, vmm device and tap are left
        assertEquals("Sending ACPI shutdown to web\n", host.vm("stop", "web").stdout());
        await("bhyve to exit", () -> listShows("Stopped"));
        assertTrue(host.vm("list").stdout().matches("(?s).*\nweb +.* Stopped +-\n.*"));
        assertTrue(host.vm("info", "web").stdout().contains("  state: stopped\n"));
        assertTrue(Files.exists(guest("web", "run.lock")));
        assertTrue(running("web"));
        assertTrue(Files.exists(host.state.resolve("if/tap0")));

        // the next start destroys the vmm device and the tap first, then boots as usual
        Files.delete(host.state.resolve("bhyve-stays-up"));
        FakeHost.Run start = host.vm("start", "-f", "web");
        assertEquals(1, start.exit(), start.stdout());
        List<String> calls = start.hostCalls();
        int destroyVmm = calls.indexOf("'bhyvectl' '--destroy' '--vm=web'");
        int destroyTap = calls.indexOf("'ifconfig' 'tap0' 'destroy'");
        int newTap = calls.indexOf("'ifconfig' 'tap' 'create'");
        assertTrue(destroyVmm >= 0 && destroyTap > destroyVmm && newTap > destroyTap, calls.toString());
        String log = Files.readString(guest("web", "vm-bhyve.log"));
        assertTrue(log.contains("clearing up after an earlier run that did not stop cleanly\n"), log);
        assertFalse(Files.exists(guest("web", "run.lock")));
        assertFalse(running("web"));
        assertFalse(Files.exists(host.state.resolve("if/tap0")), "tap0 left behind");
    }

    @Test
    void aLockFromBeforeTheLastBootIsStale() throws Exception {
        Files.writeString(guest("web", "run.lock"), "fakehost\n");
        assertTrue(listShows("Locked (fakehost)"), "a lock of a supervisor we cannot see stays, as upstream");
        Files.setLastModifiedTime(guest("web", "run.lock"), java.nio.file.attribute.FileTime.fromMillis(0));
        String list = host.vm("list").stdout();
        assertTrue(list.matches("(?s).*\nweb +.* Stopped +-\n.*"), list);
    }

    @Test
    void destroyingASwitchLeavesTheGuestsTapToItsSupervisor() throws Exception {
        staysUp();
        assertEquals(0, host.vm("start", "web").exit());
        await("web to run", () -> running("web"));
        await("the tap to join", () -> Files.exists(host.state.resolve("if/vm-public/members"))
                && read(host.state.resolve("if/vm-public/members")).contains("tap0"));
        FakeHost.Run destroy = host.vm("switch", "destroy", "public");
        assertEquals(0, destroy.exit(), destroy.stderr());
        assertEquals(List.of("'ifconfig' '-g' 'viid-4c918@'", "'ifconfig' 'vm-public' 'destroy'"), destroy.hostCalls());
        assertTrue(Files.exists(host.state.resolve("if/tap0")), "the switch removed the guest's tap");
        host.vm("stop", "web");
        await("the supervisor to clean up", () -> !Files.exists(guest("web", "run.lock")));
        assertFalse(Files.exists(host.state.resolve("if/tap0")));
    }

    /** Shared storage: a guest another host runs is shown locked and is not started here. */
    @Test
    void aGuestLockedByAnotherHostIsShownAndNotStarted() throws Exception {
        Files.writeString(guest("web", "run.lock"), "otherhost\n");
        assertTrue(host.vm("list").stdout().matches("(?s).*\nweb +.* Locked \\(otherhost\\) +-\n.*"));
        FakeHost.Run start = host.vm("start", "web");
        assertEquals(1, start.exit());
        assertTrue(start.stdout().endsWith("  ! guest appears to be running already\n"), start.stdout());
        assertTrue(start.hostCalls().stream().noneMatch(c -> c.startsWith("'bhyve")), start.hostCalls().toString());
        FakeHost.Run destroy = host.vm("destroy", "-f", "web");
        assertEquals(1, destroy.exit());
        assertEquals("vm: WARNING: web appears to be running on otherhost (locked)\n",
                destroy.stderr().replace(FakeHost.LAUNCHER.toString(), "vm"));
        assertTrue(Files.exists(guest("web", "web.conf")));
    }

    @Test
    void suspendNeedsSnapshotSupportAndDiscardRemovesSavedState() throws Exception {
        FakeHost.Run suspend = host.vm("suspend", "web");
        assertEquals(1, suspend.exit());
        assertEquals("vm: WARNING: bhyve on this host does not support suspend\nvm: ERROR: unable to suspend the guest\n",
                suspend.stderr().replace(FakeHost.LAUNCHER.toString(), "vm"));

        Files.writeString(guest("web", "web.save"), "state");
        Files.writeString(guest("web", "web.save.meta"), "meta");
        assertTrue(host.vm("list").stdout().matches("(?s).*\nweb +.* Suspended +-\n.*"));
        // end of input at the question means no
        assertEquals(0, host.vm("discard", "web").exit());
        assertTrue(Files.exists(guest("web", "web.save")));
        assertEquals(0, host.vm("discard", "-f", "web").exit());
        assertFalse(Files.exists(guest("web", "web.save")) || Files.exists(guest("web", "web.save.meta")));
        assertEquals("vm: ERROR: no saved state exists for web\n",
                host.vmWithInput("y\n", "discard", "web").stderr().replace(FakeHost.LAUNCHER.toString(), "vm"));
        assertEquals(0, host.vm("discard", "-f", "web").exit());
    }
}
