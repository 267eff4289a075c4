package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stops that wait for the guest and then force it off: {@code stop -t}, {@code stopall -t},
 * {@code stop_timeout} and {@code vm_stop_timeout}, with stub guests that ignore the ACPI shutdown.
 */
class StopTimeoutsIT extends GuestRunFixture {

    /** The named guests' stub bhyve ignores the ACPI shutdown request; only a forced power off ends it. */
    private void ignoreAcpi(String... names) throws Exception {
        Files.writeString(host.state.resolve("bhyve-ignores-acpi"), String.join("\n", names) + "\n");
    }

    private void appendTo(Path file, String line) throws Exception {
        Files.writeString(file, line + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    private static List<String> forcedOff(FakeHost.Run run) {
        return run.hostCalls().stream().filter(c -> c.startsWith("'bhyvectl' '--force-poweroff'")).sorted().toList();
    }

    @Test
    void stopWaitsOnlyWhenATimeoutIsSetThenForcesTheGuestOff() throws Exception {
        staysUp();
        ignoreAcpi("web");
        assertEquals(0, host.vm("startall").exit());
        await("both to run", () -> running("web") && running("db"));

        // no -t, no key: upstream's stop, which returns at once and leaves the deaf guest running
        FakeHost.Run plain = host.vm("stop", "web");
        assertEquals("Sending ACPI shutdown to web\n", plain.stdout());
        assertEquals(List.of(), forcedOff(plain));
        assertTrue(running("web"));

        // -t wins over the guest's own stop_timeout; the guests are asked first, then waited for
        appendTo(guest("web", "web.conf"), "stop_timeout=\"100\"");
        FakeHost.Run stop = host.vm("stop", "-t", "1", "web", "db");
        assertEquals(0, stop.exit(), stop.stderr());
        assertEquals("Sending ACPI shutdown to web\nSending ACPI shutdown to db\n"
                + "Forcing power off of web (still running 1 second(s) after ACPI shutdown)\n", stop.stdout());
        assertEquals(List.of("'bhyvectl' '--force-poweroff' '--vm=web'"), forcedOff(stop));
        await("the supervisors to clean up",
                () -> !Files.exists(guest("web", "run.lock")) && !Files.exists(guest("db", "run.lock")));
        String log = Files.readString(guest("web", "vm-bhyve.log"));
        assertTrue(log.matches("(?s).*\n\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d: "
                + "forcing power off \\(still running 1 second\\(s\\) after ACPI shutdown\\)\n.*stopped\n"), log);
        assertFalse(Files.readString(guest("db", "vm-bhyve.log")).contains("forcing"));

        // the guest's own key applies without -t
        Files.writeString(guest("web", "web.conf"), Files.readString(guest("web", "web.conf"))
                .replace("stop_timeout=\"100\"", "stop_timeout=\"1\""));
        assertEquals(0, host.vm("start", "web").exit());
        await("web to run", () -> running("web"));
        FakeHost.Run keyed = host.vm("stop", "web");
        assertEquals("Sending ACPI shutdown to web\n"
                + "Forcing power off of web (still running 1 second(s) after ACPI shutdown)\n", keyed.stdout());
        await("the supervisor to clean up", () -> !Files.exists(guest("web", "run.lock")));

        FakeHost.Run bad = host.vm("stop", "-t", "soon", "web");
        assertEquals(1, bad.exit());
        assertEquals("vm: ERROR: invalid stop timeout - 'soon'\n", bad.stderr().replace(FakeHost.LAUNCHER.toString(), "vm"));
    }

    /**
     * stopall keeps upstream's order (others in parallel, then vm_list in reverse) and its waits
     * overlap: every guest is asked before any is forced, each forced when its own timeout
     * (the guest's key, else vm_stop_timeout) is up.
     */
    @Test
    void stopallForcesOffGuestsThatIgnoreTheShutdownAfterTheirTimeouts() throws Exception {
        staysUp();
        appendTo(host.rcConf, "vm_stop_timeout=\"2\"");
        assertEquals(0, host.vm("create", "-s", "1G", "extra").exit());
        appendTo(guest("extra", "extra.conf"), "stop_timeout=\"1\"");
        appendTo(guest("db", "db.conf"), "stop_timeout=\"soon\"");
        ignoreAcpi("web", "extra");
        assertEquals(0, host.vm("startall").exit());
        assertEquals(0, host.vm("start", "extra").exit());
        await("all three to run", () -> running("web") && running("db") && running("extra"));

        FakeHost.Run stopall = host.vm("stopall");
        assertEquals(0, stopall.exit(), stopall.stderr());
        String out = stopall.stdout();
        String asked = "Beginning shutdown process\n  * parallel shutdown of non-ordered guests: extra\n"
                + "  * stopping db\n  * waiting 0 second(s)\n  * stopping web\n\n";
        assertTrue(out.startsWith(asked), out);
        assertEquals("vm: WARNING: ignoring invalid stop_timeout of db - 'soon'\n",
                stopall.stderr().replace(FakeHost.LAUNCHER.toString(), "vm"));
        String waited = out.substring(asked.length() - 1);
        assertTrue(waited.contains("\n  * forcing power off of extra (still running 1 second(s) after ACPI shutdown)\n"), out);
        assertTrue(waited.contains("\n  * forcing power off of web (still running 2 second(s) after ACPI shutdown)\n"), out);
        assertEquals(List.of("'bhyvectl' '--force-poweroff' '--vm=extra'", "'bhyvectl' '--force-poweroff' '--vm=web'"),
                forcedOff(stopall));
        await("the supervisors to clean up", () -> !Files.exists(guest("web", "run.lock"))
                && !Files.exists(guest("db", "run.lock")) && !Files.exists(guest("extra", "run.lock")));
        assertTrue(Files.readString(guest("extra", "vm-bhyve.log")).contains(": forcing power off"));
        assertFalse(Files.readString(guest("db", "vm-bhyve.log")).contains("forcing"));
    }
}
