package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A detached run hands the guest between the JVM (each {@code vm _run-step}) and its waiter
 * ({@code lockf} running the {@code vm-run} script), which alone lives while bhyve runs. These
 * tests end each part at the points where one hands over to the other.
 */
class WaiterIT extends GuestRunFixture {

    /** The waiter: lockf, and its child the script, whose child is bhyve. */
    private ProcessHandle lockfOf(String name) throws Exception {
        return supervisorOf(name).parent().orElseThrow();
    }

    private String log(String name) {
        return read(guest(name, "vm-bhyve.log"));
    }

    @Test
    void aDetachedRunIsWaitedForByLockfAndTheScriptAlone() throws Exception {
        staysUp();
        FakeHost.Run start = host.vm("start", "web");
        assertEquals(0, start.exit(), start.stderr());
        await("web to run", () -> running("web") && Files.exists(guest("web", "run.lock")));
        ProcessHandle script = supervisorOf("web");
        assertTrue(script.info().commandLine().orElse("").contains("vm-run"), script.info().toString());
        ProcessHandle lockf = lockfOf("web");
        Path runLock = host.hostRoot.resolve("var/run/vm-bhyve/web.run");
        assertTrue(start.hostCalls().contains("'lockf' '-k' '-t' '0' '" + runLock + "' 'sh' '"
                + FakeHost.LAUNCHER.getParent().resolve("vm-run") + "' '" + FakeHost.LAUNCHER + "' '"
                + host.hostRoot.resolve("var/run/vm-bhyve/web.argv") + "' '-' 'web' ''"), start.hostCalls().toString());
        assertEquals(List.of(script.pid()), lockf.children().map(ProcessHandle::pid).toList());
        // the guest's lock file names the script, so list sees a live supervisor
        assertTrue(Files.readString(host.hostRoot.resolve("var/run/vm-bhyve/web.lock"))
                .startsWith(script.pid() + " "));
        assertTrue(listShows("Running ("));

        assertEquals(0, host.vm("stop", "web").exit());
        await("the waiter to clean up", () -> !lockf.isAlive() && !Files.exists(guest("web", "run.lock")));
        assertFalse(Files.exists(host.state.resolve("if/tap0")), "tap0 left behind");
        assertEquals("", Files.readString(host.hostRoot.resolve("var/run/vm-bhyve/web.lock")));
        assertFalse(Files.exists(host.hostRoot.resolve("var/run/vm-bhyve/web.argv")));
        assertFalse(Files.exists(host.hostRoot.resolve("var/run/vm-bhyve/web.state")));
    }

    /** bhyve ends at once each time, before the waiter can even wait: every exit still counts. */
    @Test
    void bhyveExitingBeforeTheWaiterWaitsIsSeen() throws Exception {
        Files.writeString(host.state.resolve("bhyve-exits"), "0\n0\n1\n");
        assertEquals(0, host.vm("start", "web").exit());
        await("the run to end", () -> log("web").contains("stopped\n") && !Files.exists(guest("web", "run.lock")));
        String log = log("web");
        for (String line : List.of("starting bhyve (run 1)", "bhyve exited with status 0", "restarting",
                "starting bhyve (run 2)", "starting bhyve (run 3)", "bhyve exited with status 1",
                "destroying network device tap0")) {
            assertTrue(log.contains(line + "\n"), line + " in\n" + log);
        }
        assertFalse(log.contains("run 4"), log);
        assertFalse(Files.exists(host.state.resolve("if/tap0")));
    }

    @Test
    void aResetRebootsTheGuestThroughTheJvmAndTheWaiterWaitsAgain() throws Exception {
        staysUp();
        assertEquals(0, host.vm("start", "web").exit());
        await("web to run", () -> running("web") && Files.exists(guest("web", "run.lock")));
        ProcessHandle script = supervisorOf("web");
        assertEquals(0, host.vm("reset", "-f", "web").exit());
        await("the second boot", () -> log("web").contains("starting bhyve (run 2)\n") && listShows("Running ("));
        assertEquals(script, supervisorOf("web"), "the same waiter");
        assertTrue(log("web").contains(": bhyve exited with status 0\n"), log("web"));
        assertTrue(log("web").contains(": restarting\n"), log("web"));
        assertEquals(0, host.vm("stop", "web").exit());
        await("the waiter to clean up", () -> !script.isAlive() && !Files.exists(guest("web", "run.lock")));
    }

    /** lockf killed: the script supervises on (the guest's record names it), and still cleans up. */
    @Test
    void aKilledLockfLeavesTheScriptSupervising() throws Exception {
        staysUp();
        assertEquals(0, host.vm("start", "web").exit());
        await("web to run", () -> running("web") && Files.exists(guest("web", "run.lock")));
        ProcessHandle lockf = lockfOf("web");
        ProcessHandle script = supervisorOf("web");
        lockf.destroyForcibly();
        await("lockf to die", () -> !lockf.isAlive());

        assertTrue(script.isAlive());
        assertTrue(host.vm("start", "web").stdout().endsWith("  ! guest appears to be running already\n"));
        assertTrue(listShows("Running ("));
        assertEquals(0, host.vm("stop", "web").exit());
        await("the script to clean up", () -> !script.isAlive() && !Files.exists(guest("web", "run.lock")));
        assertFalse(Files.exists(host.state.resolve("if/tap0")), "tap0 left behind");
    }

    /**
     * The JVM killed while it decides about a reboot (here: inside the prestart program of the
     * second boot): the waiter ends, the guest shows stopped, and the next start clears up.
     */
    @Test
    void aJvmKilledDuringARebootDecisionLeavesAStoppedGuestThatTheNextStartClears() throws Exception {
        Path prestart = host.root.resolve("prestart");
        Path count = host.root.resolve("prestart-count");
        Path jvm = host.root.resolve("prestart-parent");
        // the second call reports its parent (the JVM of the reboot decision) and waits to be killed with it
        Files.writeString(prestart, "#!/bin/sh\necho x >> " + count + "\n"
                + "if [ \"$(wc -l < " + count + ")\" -ge 2 ]; then echo $PPID > " + jvm + "; sleep 30; fi\n");
        prestart.toFile().setExecutable(true);
        Path conf = guest("web", "web.conf");
        String plain = Files.readString(conf);
        Files.writeString(conf, plain + "prestart=\"" + prestart + "\"\n");
        staysUp();
        assertEquals(0, host.vm("start", "web").exit());
        await("web to run", () -> running("web") && Files.exists(guest("web", "run.lock")));
        ProcessHandle lockf = lockfOf("web");
        assertEquals(0, host.vm("reset", "-f", "web").exit());
        await("the reboot decision", () -> Files.exists(jvm) && !read(jvm).isBlank());
        ProcessHandle decision = ProcessHandle.of(Long.parseLong(read(jvm).trim())).orElseThrow();
        assertTrue(decision.info().commandLine().orElse("").contains("_run-step"), decision.info().toString());
        decision.destroyForcibly();
        await("the waiter to end", () -> !lockf.isAlive());

        assertTrue(listShows("Stopped"), host.vm("list").stdout());
        assertTrue(Files.exists(guest("web", "run.lock")));
        assertTrue(Files.exists(host.state.resolve("if/tap0")));
        Files.delete(host.state.resolve("bhyve-stays-up"));
        Files.writeString(conf, plain);
        FakeHost.Run start = host.vm("start", "-f", "web");
        assertEquals(1, start.exit(), start.stdout());
        assertTrue(log("web").contains("clearing up after an earlier run that did not stop cleanly\n"), log("web"));
        assertFalse(Files.exists(guest("web", "run.lock")));
        assertFalse(Files.exists(host.state.resolve("if/tap0")), "tap0 left behind");
    }

    /**
     * Guests stopping together each take themselves out of the fake process table: none of
     * those rewrites may undo another (a lost one showed a stopped guest as running).
     */
    @Test
    void stopallOfThreeGuestsLeavesNoneListedAsRunning() throws Exception {
        host.sh("cp $TEMPLATES/default.conf vm/.templates/");
        assertEquals(0, host.vm("create", "-s", "1G", "app").exit());
        staysUp();
        for (String name : List.of("web", "db", "app")) {
            assertEquals(0, host.vm("start", name).exit());
        }
        await("three guests to run", () -> running("web") && running("db") && running("app")
                && listShows("app ") && !listShows("Stopped"));
        assertEquals(0, host.vm("stopall").exit());
        await("the waiters to clean up", () -> !Files.exists(guest("web", "run.lock"))
                && !Files.exists(guest("db", "run.lock")) && !Files.exists(guest("app", "run.lock")));
        assertEquals("", Files.readString(host.state.resolve("procs")));
        assertFalse(listShows("Running"), host.vm("list").stdout());
    }
}
