package org.vmbhyve.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stop timeouts on a test clock that the watch's pause moves on: nothing sleeps for real. */
class ShutdownWatchTest {

    /** A clock that stands still until the watch pauses. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-31T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(long millis) {
            now = now.plusMillis(millis);
        }
    }

    private final TestClock clock = new TestClock();
    /** pid to the instant its process ends by itself (absent: never, until forced off) */
    private final Map<Long, Instant> endsAt = new HashMap<>();
    private final List<String> events = new ArrayList<>();

    private ShutdownWatch watch() {
        return new ShutdownWatch(clock, clock::advance, pid -> endsAt.containsKey(pid)
                ? clock.instant().isBefore(endsAt.get(pid)) : true);
    }

    private void endsAfter(long pid, long seconds) {
        endsAt.put(pid, clock.instant().plusSeconds(seconds));
    }

    private void await(ShutdownWatch watch) {
        watch.await(guest -> {
            events.add(elapsed() + " force " + guest.name());
            endsAt.put(guest.pid(), clock.instant());
        }, pids -> events.add(elapsed() + " waiting " + pids));
    }

    private long elapsed() {
        return Duration.between(Instant.parse("2026-01-31T12:00:00Z"), clock.instant()).toSeconds();
    }

    @Test
    void guestsThatStopInTimeAreNotForced() {
        ShutdownWatch watch = watch();
        endsAfter(11, 3);
        endsAfter(12, 5);
        watch.watch("web", 11, 60);
        watch.watch("db", 12, 60);
        await(watch);
        assertEquals(List.of("0 waiting [11, 12]", "3 waiting [12]"), events);
        assertEquals(5, elapsed());
    }

    @Test
    void timeoutsRunTogetherEachFromItsOwnRequest() {
        ShutdownWatch watch = watch();
        watch.watch("db", 12, 30);
        clock.advance(5000);
        watch.watch("web", 11, 30);
        endsAfter(13, 10);
        watch.watch("quick", 13, 30);
        await(watch);
        // db forced at 30 s, web at 35 s: one wait of about the longest timeout, not 60 s or more
        assertEquals(List.of("5 waiting [12, 11, 13]", "15 waiting [12, 11]", "30 force db", "30 waiting [11]",
                "35 force web"), events);
        assertEquals(35, elapsed());
    }

    @Test
    void aZeroTimeoutWaitsWithoutForcing() {
        ShutdownWatch watch = watch();
        endsAfter(11, 500);
        watch.watch("web", 11, 0);
        await(watch);
        assertEquals(List.of("0 waiting [11]"), events);
        assertEquals(500, elapsed());
    }

    @Test
    void nothingToWatchReturnsAtOnce() {
        await(watch());
        assertEquals(List.of(), events);
        assertEquals(0, elapsed());
    }
}
