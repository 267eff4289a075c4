package org.vmbhyve.e2e;

import java.nio.file.Path;
import org.vmbhyve.config.ConfigFile;
import org.vmbhyve.guest.GuestLock;

/**
 * A process that rewrites a guest config through the product's own write path (the guest's
 * config lock, re-read, atomic replace) until it is killed: each write swaps the {@code tags}
 * value between two values. ConcurrencyIT kills it with SIGKILL at random moments and checks
 * what is left on disk.
 *
 * <p>Arguments: the guest's name, its config file and its lock file.
 */
public final class ConfigWriterLoop {

    static final String FIRST = "alpha";
    static final String SECOND = "beta gamma delta";

    private ConfigWriterLoop() {
    }

    public static void main(String[] args) throws Exception {
        ConfigFile file = new ConfigFile(Path.of(args[1]), new GuestLock(args[0], Path.of(args[2])).config());
        for (long n = 0; ; n++) {
            String tags = n % 2 == 0 ? SECOND : FIRST;
            file.update(edit -> edit.set("tags", tags));
            if (n == 0) {
                // the classes are loaded: from here on a kill lands among writes
                System.out.println("writing");
                System.out.flush();
            }
        }
    }
}
