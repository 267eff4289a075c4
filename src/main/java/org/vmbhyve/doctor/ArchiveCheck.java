package org.vmbhyve.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * The launcher's start-up archive for this jar and JDK, judged as {@code scripts/vm}'s
 * {@code fresh} does: present, and not older than the jar or the JDK's {@code lib/modules}.
 * An empty one marks a training that failed. Without it every command starts slower.
 */
final class ArchiveCheck implements Check {

    static final String FIX = "vm _train";

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        JavaRuntime java = host.java();
        if (java.archive() == null) {
            return List.of(Diagnosis.info("archive", "not run from the jar: no start-up archive applies"));
        }
        Path archive = java.archive();
        try {
            if (!Files.isRegularFile(archive)) {
                return List.of(Diagnosis.warn("archive", archive + " is missing: commands start slower", FIX));
            }
            FileTime made = Files.getLastModifiedTime(archive);
            for (Path input : new Path[] {java.jar(), java.home().resolve("lib/modules")}) {
                if (input != null && Files.exists(input) && Files.getLastModifiedTime(input).compareTo(made) > 0) {
                    return List.of(Diagnosis.warn("archive", archive + " is older than " + input
                            + ": not used", FIX));
                }
            }
            if (Files.size(archive) == 0) {
                return List.of(Diagnosis.warn("archive", archive + " is empty: its training failed", FIX));
            }
        } catch (IOException e) {
            return List.of(Diagnosis.warn("archive", archive + ": " + e.getMessage(), FIX));
        }
        return List.of(Diagnosis.pass("archive", archive + " is up to date"));
    }
}
