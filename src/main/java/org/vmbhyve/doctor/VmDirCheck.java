package org.vmbhyve.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.datastore.MountTable;

/**
 * {@code vm_dir}: set, and a directory; for {@code zfs:DATASET}, ZFS loaded and the dataset
 * existing and mounted, found in {@code mount}'s table as the start-up checks find it.
 */
final class VmDirCheck implements Check {

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        String setting = host.rc().get("vm_dir").orElse("");
        if (setting.isEmpty()) {
            return List.of(Diagnosis.fail("vm_dir", "vm_dir is not set",
                    "sysrc vm_dir=zfs:POOL/vm (or a directory), then vm init"));
        }
        if (!setting.startsWith("zfs:")) {
            return List.of(directory(setting, "vm_dir=" + setting));
        }
        String dataset = setting.substring("zfs:".length());
        if (!host.moduleLoaded("zfs")) {
            return List.of(Diagnosis.fail("vm_dir", setting + ": ZFS is not loaded", "kldload zfs"));
        }
        if (!host.runner().run("zfs", "list", "-H", "-o", "name", dataset).ok()) {
            return List.of(Diagnosis.fail("vm_dir", setting + ": dataset " + dataset + " does not exist",
                    "zfs create " + dataset));
        }
        Optional<String> mountPoint = new MountTable(host.runner()).mountPoint(dataset);
        if (mountPoint.isEmpty()) {
            return List.of(Diagnosis.fail("vm_dir", setting + ": dataset " + dataset + " is not mounted",
                    "zfs mount " + dataset));
        }
        return List.of(directory(mountPoint.get(), setting + " mounted on " + mountPoint.get()));
    }

    private static Diagnosis directory(String dir, String what) {
        if (!Files.isDirectory(Path.of(dir))) {
            return Diagnosis.fail("vm_dir", what + ": not a directory", "mkdir -p " + dir + " && vm init");
        }
        if (!Files.isDirectory(Path.of(dir, ".config"))) {
            return Diagnosis.warn("vm_dir", what + ": not initialised (no .config)", "vm init");
        }
        return Diagnosis.pass("vm_dir", what);
    }
}
