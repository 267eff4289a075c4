package org.vmbhyve.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vmbhyve.config.FileMode;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.GuestLog;

/**
 * How a guest is loaded before bhyve runs (bhyveload or grub-bhyve): the command and the files
 * it reads, which the supervisor writes and logs first.
 */
record LoaderPlan(List<String> argv, List<GuestFile> files) {

    /** A file in the guest's directory, written fresh each boot. */
    record GuestFile(String name, List<String> lines) {
    }

    /** Writes the files into the guest's directory, logging each line as upstream does. */
    void writeFiles(Path guestDir, GuestLog log) {
        for (GuestFile file : files) {
            Path path = guestDir.resolve(file.name());
            log.write("create file " + path);
            for (String line : file.lines()) {
                log.write(" -> " + line);
            }
            try {
                FileMode.PUBLIC_FILE.apply(Files.write(path, file.lines()));
            } catch (IOException e) {
                throw new VmException("unable to write " + path);
            }
        }
    }
}
