package org.vmbhyve.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vmbhyve.guest.Guest;

/**
 * Guests an earlier version made private: its guest directories came out 0700 (made through a
 * private staging directory) and some configs 0600, so non-root users could not list them.
 * The chmod to the modes of DESIGN's table is printed, never run: an admin may have meant it.
 */
final class GuestModesCheck implements Check {

    static final String TOPIC = "modes";

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        if (host.vm().isEmpty()) {
            return List.of(Diagnosis.info(TOPIC, "not checked: vm_dir is not usable"));
        }
        List<Diagnosis> lines = new ArrayList<>();
        for (Guest guest : host.guests()) {
            closed(guest.dir(), PosixFilePermission.OTHERS_EXECUTE).ifPresent(mode -> lines.add(Diagnosis.warn(TOPIC,
                    guest.name() + ": directory mode " + mode + " hides the guest from non-root users",
                    "chmod 0755 " + guest.dir())));
            Path conf = guest.home().configPath();
            closed(conf, PosixFilePermission.OTHERS_READ).ifPresent(mode -> lines.add(Diagnosis.warn(TOPIC,
                    guest.name() + ": config mode " + mode + " hides the guest from non-root users"
                            + " (keep it if it holds a password)", "chmod 0644 " + conf)));
        }
        if (lines.isEmpty()) {
            lines.add(Diagnosis.pass(TOPIC, "every guest directory and config readable by all users"));
        }
        return lines;
    }

    /** The octal mode of PATH when it lacks the permission for other users; empty when it has it or cannot be read. */
    private static Optional<String> closed(Path path, PosixFilePermission needed) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            return mode.contains(needed) ? Optional.empty() : Optional.of(octal(mode));
        } catch (IOException e) {
            // inside a directory this user may not enter: the directory's own line says why
            return Optional.empty();
        }
    }

    static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission p : mode) {
            bits |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", bits);
    }
}
