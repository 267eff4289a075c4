package org.vmbhyve.check;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.guest.Guest;

/**
 * Secrets every user of the host may read: a {@code vnc_password} in a config of mode 0644
 * (upstream's, which non-root listings rely on), and cloud-init data an earlier version left
 * readable. Said, never changed: the admin chooses between a private config and a guest that
 * non-root users can list.
 */
final class SecretExposure {

    private SecretExposure() {
    }

    static void check(Guest guest, ConfigValues config, List<Finding> findings) {
        Path conf = guest.home().configPath();
        if (!config.value(GuestKey.VNC_PASSWORD).isEmpty() && worldReadable(conf)) {
            findings.add(Finding.warning(GuestKey.VNC_PASSWORD.key(), "every user of this host can read the password in "
                    + conf + "; 'chmod o-r " + conf + "' hides it (and the guest) from them"));
        }
        Path cloudInit = guest.dir().resolve(".cloud-init");
        if (Files.isDirectory(cloudInit) && (worldReadable(cloudInit) || anyWorldReadable(cloudInit))) {
            findings.add(Finding.warning(null, "every user of this host can read the cloud-init data (passwords, keys) in "
                    + cloudInit + "; 'chmod -R go= " + cloudInit + "' hides it"));
        }
    }

    private static boolean anyWorldReadable(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (worldReadable(file)) {
                    return true;
                }
            }
        } catch (IOException e) {
            // a directory this user cannot list keeps its secrets from this user too
        }
        return false;
    }

    private static boolean worldReadable(Path path) {
        try {
            return Files.getPosixFilePermissions(path).contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException e) {
            return false;
        }
    }
}
