package org.vmbhyve.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;

/**
 * Waits for guests that were asked to shut down until their bhyve processes are gone, forcing
 * off each one whose stop timeout runs out. Every guest's deadline counts from its own ACPI
 * request, and all of them are watched in one loop, so the waits overlap: stopping many guests
 * takes about the longest timeout, not their sum.
 */
final class ShutdownWatch {

    /** How often the process table is looked at. */
    static final long POLL_MILLIS = 250;

    /** A guest being watched; {@code timeoutSeconds} 0 means it is waited for but never forced. */
    record Watched(String name, long pid, int timeoutSeconds, Instant deadline) {
    }

    private final Clock clock;
    private final LongConsumer pauseMillis;
    private final LongPredicate alive;
    private final List<Watched> watched = new ArrayList<>();

    /**
     * @param pauseMillis the wait between looks ({@code Pause::millis}; tests advance their clock)
     * @param alive whether a pid is still running
     */
    ShutdownWatch(Clock clock, LongConsumer pauseMillis, LongPredicate alive) {
        this.clock = clock;
        this.pauseMillis = pauseMillis;
        this.alive = alive;
    }

    /** Starts the guest's timeout now: call it right after its ACPI request. */
    void watch(String name, long pid, int timeoutSeconds) {
        watched.add(new Watched(name, pid, timeoutSeconds, clock.instant().plusSeconds(timeoutSeconds)));
    }

    /**
     * Returns once every watched process is gone.
     *
     * @param forceOff called once for each guest whose deadline passed while it still ran
     * @param waiting called with the pids still running each time that list changes
     */
    void await(Consumer<Watched> forceOff, Consumer<List<Long>> waiting) {
        List<Watched> running = new ArrayList<>(watched);
        List<Watched> forced = new ArrayList<>();
        List<Long> reported = List.of();
        while (true) {
            running.removeIf(guest -> !alive.test(guest.pid()));
            if (running.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            for (Watched guest : running) {
                if (guest.timeoutSeconds() > 0 && !now.isBefore(guest.deadline()) && !forced.contains(guest)) {
                    forced.add(guest);
                    forceOff.accept(guest);
                }
            }
            List<Long> pids = running.stream().map(Watched::pid).toList();
            if (!pids.equals(reported)) {
                waiting.accept(pids);
                reported = pids;
            }
            pauseMillis.accept(POLL_MILLIS);
        }
    }
}
