package org.vmbhyve.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestLog;
import org.vmbhyve.host.ProcessRunner;

/**
 * The guest's {@code prestart} program, run before each boot from the guest's directory with
 * the guest name and dataset as arguments. A missing or non-executable program is skipped, as
 * upstream skips it.
 */
final class Prestart {

    private Prestart() {
    }

    static void run(Guest guest, ConfigValues config, ProcessRunner runner, GuestLog log) {
        String script = config.value(GuestKey.PRESTART);
        if (script.isEmpty()) {
            return;
        }
        Path program = script.startsWith("/") ? Path.of(script) : guest.dir().resolve(script);
        if (!Files.isExecutable(program)) {
            return;
        }
        String dataset = (guest.dataset() == null ? "" : guest.datastore().dataset()) + "/" + guest.name();
        log.write("running prestart script " + program + " " + guest.name() + " " + dataset);
        try {
            runner.start(List.of(program.toString(), guest.name(), dataset), guest.dir(), true,
                    ProcessBuilder.Redirect.INHERIT).waitFor();
        } catch (java.io.IOException e) {
            log.write("failed to run prestart script " + program);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
