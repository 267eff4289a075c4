package org.vmbhyve.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vmbhyve.config.FileMode;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestLog;
import org.vmbhyve.host.ProcessRunner;

/**
 * The cloud-init seed disk ({@code seed.iso}, volume {@code cidata}) made from the guest's
 * {@code .cloud-init} folder before its first boot: with FreeBSD's makefs as upstream, or with
 * xorriso where makefs is missing (Linux test hosts).
 */
final class CloudInitSeed {

    private CloudInitSeed() {
    }

    static void ensure(Guest guest, ProcessRunner runner, GuestLog log) {
        Path source = guest.dir().resolve(".cloud-init");
        Path seed = guest.dir().resolve("seed.iso");
        if (!Files.isDirectory(source) || Files.exists(seed)) {
            return;
        }
        List<String> argv = runner.available("makefs")
                ? List.of("makefs", "-t", "cd9660", "-o", "R,L=cidata", seed.toString(), source.toString())
                : List.of("xorriso", "-as", "mkisofs", "-quiet", "-volid", "cidata", "-joliet", "-rock",
                        "-output", seed.toString(), source.toString());
        if (!runner.runShowingErrors(argv).ok()) {
            throw new VmException("Can't write seed.iso for cloud-init");
        }
        try {
            // the seed carries user-data: passwords and keys
            FileMode.PRIVATE_FILE.apply(seed);
        } catch (IOException e) {
            throw new VmException("Can't write seed.iso for cloud-init");
        }
        log.write("created " + seed + " for cloud-init");
    }
}
