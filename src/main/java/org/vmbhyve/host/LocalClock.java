package org.vmbhyve.host;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the host's time zone, which is looked up only when a time is shown:
 * {@link Clock#systemDefaultZone()} reads the zone database on every start, and most commands
 * never print a time.
 */
public final class LocalClock extends Clock {

    @Override
    public ZoneId getZone() {
        return ZoneId.systemDefault();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.system(zone);
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }
}
