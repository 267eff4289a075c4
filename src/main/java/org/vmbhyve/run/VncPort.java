package org.vmbhyve.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.Chars;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.host.ProcessRunner;

/** A free port for a guest's VNC framebuffer: the first of 5900-6099 nothing listens on ({@code netstat -an}). */
final class VncPort {

    private static final int FIRST = 5900;
    private static final int COUNT = 200;

    private VncPort() {
    }

    /** Whether the framebuffer needs a port found for it: UEFI graphics without a fixed port. */
    static boolean needed(ConfigValues config, boolean uefi) {
        return uefi && config.yesno(GuestKey.GRAPHICS) && config.value(GuestKey.GRAPHICS_PORT).isEmpty();
    }

    static Optional<Integer> firstFree(ProcessRunner runner) {
        List<String> listening = new ArrayList<>();
        for (String line : runner.runShowingErrors("netstat", "-an").lines()) {
            if (line.contains("LISTEN")) {
                List<String> fields = Chars.words(line);
                if (fields.size() >= 4) {
                    listening.add(fields.get(3).substring(fields.get(3).lastIndexOf('.') + 1));
                }
            }
        }
        for (int port = FIRST; port < FIRST + COUNT; port++) {
            if (!listening.contains(String.valueOf(port))) {
                return Optional.of(port);
            }
        }
        return Optional.empty();
    }
}
