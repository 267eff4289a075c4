package org.vmbhyve.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vmbhyve.config.FileMode;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.Guest;

/**
 * The files a run keeps in the guest's directory, as upstream names them: {@code run.lock}
 * (the host running it), {@code console} (its ports and VNC address), and bhyve's
 * {@code vtcon.*} sockets.
 */
final class RunFiles {

    private final Guest guest;

    RunFiles(Guest guest) {
        this.guest = guest;
    }

    void writeConsole(List<String> lines) {
        Path console = guest.dir().resolve("console");
        try {
            Files.deleteIfExists(console);
            if (!lines.isEmpty()) {
                FileMode.PUBLIC_FILE.apply(Files.write(console, lines));
            }
        } catch (IOException e) {
            throw new VmException("unable to write " + console);
        }
    }

    void lock(String hostname) {
        try {
            FileMode.PUBLIC_FILE.write(guest.runLock(), hostname + "\n");
        } catch (IOException e) {
            throw new VmException("unable to write " + guest.runLock());
        }
    }

    boolean suspending() {
        return Files.exists(guest.dir().resolve("suspending.lock"));
    }

    /** bhyve's virtio console sockets, gone with the bhyve that made them. */
    void deleteConsoleSockets() {
        try (DirectoryStream<Path> sockets = Files.newDirectoryStream(guest.dir(), "vtcon.*")) {
            for (Path socket : sockets) {
                Files.deleteIfExists(socket);
            }
        } catch (IOException e) {
            // stale sockets are replaced by bhyve on the next boot
        }
    }

    /** What the run leaves at its end: nothing. */
    void deleteAll() {
        for (String file : List.of("run.lock", "suspending.lock", "console")) {
            try {
                Files.deleteIfExists(guest.dir().resolve(file));
            } catch (IOException e) {
                // nothing more can be done on the way out
            }
        }
    }
}
