package org.vmbhyve.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;

/**
 * What the supervisor does when bhyve exits ({@code vm::handle_exit}): bhyve ends with 0 on a
 * guest reboot, 1 on power-off, 2 on halt, 3 on a triple fault and 4 on an error.
 */
final class ExitAction {

    private ExitAction() {
    }

    /** True when the guest should be booted again. */
    static boolean restart(int bhyveExit, ConfigValues config, Path guestDir) {
        return switch (bhyveExit) {
            case 0 -> config.get(GuestKey.ON_RESTART, "restart").equals("restart");
            case 1, 2 -> {
                // vm restart leaves this flag and then powers the guest off
                Path flag = guestDir.resolve("restart");
                try {
                    yield Files.deleteIfExists(flag);
                } catch (java.io.IOException e) {
                    yield false;
                }
            }
            default -> config.get(GuestKey.ON_FAULT, "shutdown").equals("restart");
        };
    }
}
