package org.vmbhyve.host;

import java.util.ArrayList;
import java.util.List;

/** The {@code zfs} commands guest management needs, with upstream's exact argv. */
public final class Zfs {

    private final ProcessRunner runner;

    public Zfs(ProcessRunner runner) {
        this.runner = runner;
    }

    /** {@code zfs create [-o opt]... DATASET}; output passes to the user as upstream lets it. */
    public boolean createDataset(String dataset, String options) {
        List<String> argv = new ArrayList<>(List.of("zfs", "create"));
        argv.addAll(optionArgs(options));
        argv.add(dataset);
        return runner.runAttached(argv) == 0;
    }

    /** {@code zfs create -V|-sV SIZE -o volmode=dev [-o opt]... DATASET}. */
    public boolean createVolume(String dataset, String size, boolean sparse, String options) {
        List<String> argv = new ArrayList<>(List.of("zfs", "create", sparse ? "-sV" : "-V", size, "-o", "volmode=dev"));
        argv.addAll(optionArgs(options));
        argv.add(dataset);
        return runner.runAttached(argv) == 0;
    }

    /** {@code zfs destroy -rf DATASET}, quietly. */
    public boolean destroyRecursive(String dataset) {
        // zfs's own reason (a busy dataset) reaches the user before vm's error
        return runner.runShowingErrors("zfs", "destroy", "-rf", dataset).ok();
    }

    /** {@code zfs rename OLD NEW}, quietly. */
    public boolean rename(String from, String to) {
        return runner.runShowingErrors("zfs", "rename", from, to).ok();
    }

    /** {@code zfs snapshot -r DATASET@SNAP}; zfs's messages reach the user. */
    public boolean snapshotRecursive(String snapshot) {
        return runner.runAttached(List.of("zfs", "snapshot", "-r", snapshot)) == 0;
    }

    /** {@code zfs snapshot -r DATASET@SNAP}, quietly. */
    public boolean snapshotRecursiveQuietly(String snapshot) {
        return runner.run("zfs", "snapshot", "-r", snapshot).ok();
    }

    /** {@code zfs rollback [-r] FS@SNAP}; zfs explains a refusal itself (its "use '-r'" hint). */
    public boolean rollback(String snapshot, boolean destroyLater) {
        List<String> argv = new ArrayList<>(List.of("zfs", "rollback"));
        if (destroyLater) {
            argv.add("-r");
        }
        argv.add(snapshot);
        return runner.runAttached(argv) == 0;
    }

    /** {@code zfs clone SNAPSHOT DATASET}. */
    public boolean cloneSnapshot(String snapshot, String dataset) {
        return runner.runAttached(List.of("zfs", "clone", snapshot, dataset)) == 0;
    }

    /** {@code zfs destroy -r DATASET@SNAP}, quietly. */
    public boolean destroySnapshotQuietly(String snapshot) {
        return runner.run("zfs", "destroy", "-r", snapshot).ok();
    }

    /**
     * Whether a snapshot exists ({@code zfs get creation SNAPSHOT}, quietly). Any failure but
     * "does not exist" is an error, zfs's message first: a missing snapshot is not the same news.
     */
    public boolean exists(String snapshot) {
        ProcessResult result = runner.run("zfs", "get", "creation", snapshot);
        if (result.ok() || result.stderr().contains("does not exist")) {
            return result.ok();
        }
        throw org.vmbhyve.error.VmException.afterTool(result.stderr(), "unable to read ZFS snapshot " + snapshot);
    }

    /**
     * The filesystems and volumes of a tree, parents first, as {@code zfs list} prints them with
     * the option spelling of the caller (upstream's commands differ only in option order).
     *
     * @return empty when zfs fails
     */
    public java.util.Optional<List<String>> datasets(List<String> listOptions, String dataset) {
        List<String> argv = new ArrayList<>(List.of("zfs", "list"));
        argv.addAll(listOptions);
        argv.add(dataset);
        ProcessResult result = runner.runShowingErrors(argv);
        return result.ok() ? java.util.Optional.of(result.lines().stream().filter(l -> !l.isBlank()).toList())
                : java.util.Optional.empty();
    }

    /** A space-separated option list from a template ({@code a=b c=d}) as {@code -o} pairs. */
    static List<String> optionArgs(String options) {
        List<String> args = new ArrayList<>();
        if (options == null) {
            return args;
        }
        for (String opt : options.trim().split("[ \\t]+")) {
            if (!opt.isEmpty()) {
                args.add("-o");
                args.add(opt);
            }
        }
        return args;
    }
}
