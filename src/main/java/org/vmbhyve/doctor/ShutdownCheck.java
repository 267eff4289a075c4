package org.vmbhyve.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.Chars;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.run.StopTimeout;

/**
 * Whether the host waits long enough at shutdown for {@code vm stopall -f} (rc.d's stop) to stop
 * every guest: rc.shutdown gives the rc.d scripts {@code rcshutdown_timeout} seconds
 * (/etc/defaults/rc.conf: 90), and init(8) gives rc.shutdown {@code kern.init_shutdown_timeout}
 * (freebsd-src sys/kern/init_main.c: 120; read by sbin/init/init.c runshutdown). The guests stop
 * in parallel, each forced off after its stop timeout ({@link StopTimeout}), so the longest one
 * plus a margin must fit in both. vm-bhyve users asked for this warning:
 * https://github.com/churchers/vm-bhyve/issues/303
 */
final class ShutdownCheck implements Check {

    /** Seconds for the signals, the forced power-off and the other rc.d scripts. */
    static final int MARGIN = 15;
    private static final int RC_DEFAULT = 90;
    private static final int INIT_DEFAULT = 120;

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        if (host.vm().isEmpty() || host.guests().isEmpty()) {
            return List.of(Diagnosis.info("shutdown", "no guests to stop at shutdown"));
        }
        StopTimeout timeouts = StopTimeout.ofStopall(host.vm().get());
        int longest = 0;
        String slowest = "";
        List<Diagnosis> lines = new ArrayList<>();
        for (Guest guest : host.guests()) {
            int seconds = timeouts.forGuest(guest.name());
            if (seconds == 0) {
                lines.add(Diagnosis.warn("shutdown", guest.name() + " has stop timeout 0 (waits without limit):"
                        + " it is killed, not shut down, when the shutdown timeouts run out",
                        "set stop_timeout=60 with vm configure " + guest.name() + " (or sysrc vm_stop_timeout=60)"));
            } else if (seconds > longest) {
                longest = seconds;
                slowest = guest.name();
            }
        }
        int needed = longest + MARGIN;
        String why = " s; vm stopall may take " + needed + " s (stop timeout of " + slowest + " " + longest
                + " s + " + MARGIN + ")";
        int rc = seconds(host.rc().get("rcshutdown_timeout"), RC_DEFAULT);
        lines.add(rc >= needed || longest == 0
                ? Diagnosis.pass("shutdown", "rcshutdown_timeout is " + rc + " s")
                : Diagnosis.warn("shutdown", "rcshutdown_timeout is " + rc + why, "sysrc rcshutdown_timeout=" + needed));
        String sysctl = host.sysctl("kern.init_shutdown_timeout");
        int init = seconds(sysctl.isEmpty() ? Optional.empty() : Optional.of(sysctl), INIT_DEFAULT);
        int initNeeded = Math.max(needed, rc) + MARGIN;
        lines.add(init >= initNeeded || longest == 0
                ? Diagnosis.pass("shutdown", "kern.init_shutdown_timeout is " + init + " s")
                : Diagnosis.warn("shutdown", "kern.init_shutdown_timeout is " + init + " s; rc.shutdown may take "
                        + initNeeded + " s", "sysctl kern.init_shutdown_timeout=" + initNeeded
                        + " && echo kern.init_shutdown_timeout=" + initNeeded + " >> /etc/sysctl.conf"));
        return lines;
    }

    private static int seconds(Optional<String> value, int fallback) {
        String text = value.orElse("").trim();
        return Chars.isDigits(text) && text.length() < 7 ? Integer.parseInt(text) : fallback;
    }
}
