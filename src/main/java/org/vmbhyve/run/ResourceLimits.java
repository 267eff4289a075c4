package org.vmbhyve.run;

import java.util.List;
import java.util.function.Consumer;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.host.ProcessRunner;

/**
 * The guest's {@code priority} (renice) and rctl limits ({@code rctl::set}), applied to the
 * bhyve process a second after it starts. Runs on its own thread, as upstream runs it in the
 * background, and only when the config asks for something.
 */
public final class ResourceLimits implements Runnable {

    private static final List<String[]> LIMITS = List.of(
            new String[] {"limit_pcpu", "pcpu:deny", "pcpu"},
            new String[] {"limit_rbps", "readbps:throttle", "readbps"},
            new String[] {"limit_wbps", "writebps:throttle", "writebps"},
            new String[] {"limit_riops", "readiops:throttle", "readiops"},
            new String[] {"limit_wiops", "writeiops:throttle", "writeiops"});

    private final String guest;
    private final ConfigValues config;
    private final ProcessRunner runner;
    private final Consumer<String> log;

    public ResourceLimits(String guest, ConfigValues config, ProcessRunner runner, Consumer<String> log) {
        this.guest = guest;
        this.config = config;
        this.runner = runner;
        this.log = log;
    }

    public boolean wanted() {
        return !config.value(GuestKey.PRIORITY).isEmpty()
                || LIMITS.stream().anyMatch(limit -> !config.value(limit[0]).isEmpty());
    }

    @Override
    public void run() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            return;
        }
        String pid = runner.runShowingErrors("pgrep", "-fx", "bhyve[: ].* " + guest).firstLine().trim();
        if (pid.isEmpty()) {
            return;
        }
        String priority = config.value(GuestKey.PRIORITY);
        if (!priority.isEmpty()) {
            runner.run("renice", priority, pid);
        }
        if (LIMITS.stream().allMatch(limit -> config.value(limit[0]).isEmpty())) {
            return;
        }
        if (!runner.run("rctl").ok()) {
            log.accept("RCTL support requested but RCTL not available");
            return;
        }
        log.accept("applying rctl limits");
        for (String[] limit : LIMITS) {
            String value = config.value(limit[0]);
            if (!value.isEmpty() && runner.run("rctl", "-a", "process:" + pid + ":" + limit[1] + "=" + value).ok()) {
                log.accept(" " + limit[2] + "=" + value);
            }
        }
    }
}
