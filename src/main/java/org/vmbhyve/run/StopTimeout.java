package org.vmbhyve.run;

import java.util.Optional;
import org.vmbhyve.config.Chars;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;

/**
 * How many seconds a stop waits for a guest to power off before forcing it off: {@code -t},
 * else the guest's {@code stop_timeout}, else rc.conf's {@code vm_stop_timeout}, else the
 * command's default. 0 means wait without forcing, which is upstream's behaviour.
 */
public final class StopTimeout {

    static final String RC_KEY = "vm_stop_timeout";

    private final VmContext vm;
    private final Optional<Integer> flag;
    private final int fallback;

    /**
     * @param flag the {@code -t} value, if given
     * @param fallback seconds when nothing is set (0 for {@code stop}, 60 for {@code stopall})
     */
    StopTimeout(VmContext vm, Optional<Integer> flag, int fallback) {
        this.vm = vm;
        this.flag = flag;
        this.fallback = fallback;
    }

    /** The timeouts {@code vm stopall} (and so rc.d at shutdown) gives each guest when no {@code -t} is given. */
    public static StopTimeout ofStopall(VmContext vm) {
        return new StopTimeout(vm, Optional.empty(), AllGuests.DEFAULT_STOP_TIMEOUT);
    }

    /** {@code -t}'s argument: whole seconds, 0 or more. */
    public static int parseFlag(String text) {
        Optional<Integer> seconds = seconds(text);
        if (seconds.isEmpty()) {
            throw new VmException("invalid stop timeout - '" + text + "'");
        }
        return seconds.get();
    }

    public int forGuest(String name) {
        if (flag.isPresent()) {
            return flag.get();
        }
        // the guest's stop_timeout, else rc.conf's, else the command's default (plain code: a
        // stop links no lambda, which on JDK 17 costs milliseconds)
        Optional<Guest> guest = new Guests(vm).find(name);
        Optional<String> own = guest.isPresent() ? guest.get().config().get(GuestKey.STOP_TIMEOUT) : Optional.empty();
        Optional<Integer> seconds = own.isPresent()
                ? setting(own.get(), GuestKey.STOP_TIMEOUT.key() + " of " + name) : Optional.empty();
        if (seconds.isEmpty()) {
            Optional<String> host = vm.rc().get(RC_KEY);
            seconds = host.isPresent() ? setting(host.get(), RC_KEY) : Optional.empty();
        }
        return seconds.isPresent() ? seconds.get() : fallback;
    }

    /** An empty setting is no setting; a bad one must not abort a shutdown, so it is reported and skipped. */
    private Optional<Integer> setting(String value, String where) {
        Optional<Integer> seconds = seconds(value);
        if (seconds.isEmpty() && !value.isBlank()) {
            vm.ui().warn("ignoring invalid " + where + " - '" + value + "'");
        }
        return seconds;
    }

    private static Optional<Integer> seconds(String text) {
        String trimmed = text.trim();
        if (!Chars.isDigits(trimmed) || trimmed.length() > 6) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(trimmed));
    }
}
