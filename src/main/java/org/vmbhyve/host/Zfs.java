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
        return runner.run("zfs", "destroy", "-rf", dataset).ok();
    }

    /** {@code zfs rename OLD NEW}, quietly. */
    public boolean rename(String from, String to) {
        return runner.run("zfs", "rename", from, to).ok();
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
