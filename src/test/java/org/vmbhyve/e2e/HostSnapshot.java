package org.vmbhyve.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a fault walk compares: every file of a fake host that a command may change, path to
 * content: the {@code $vm_dir} tree (system.conf, guest configs, disks), rc.conf, the host root
 * ({@code /dev/vmm}, ...) and the stubs' state (ZFS datasets and snapshots, mounts, interfaces
 * and bridge members, processes, pf anchors, sysctl settings, modules).
 */
record HostSnapshot(TreeMap<String, String> files) {

    /**
     * Not host state: the logs of the walk itself (host.log, calls.log, faults*). Nor are if_index
     * numbers ({@code if/NAME/index}, {@code .last-index}): the ifconfig stub hands them out on an
     * interface's first listing, so they follow which probes ran, and FreeBSD never reuses one
     * either, so a made-and-undone interface legitimately advances them.
     */
    private static final Set<String> NOT_STATE = Set.of("host.log", "calls.log", "faults", "faults.log",
            "faults.seen", ".last-index");
    /** Disk images are sparse and large: their size stands for their content. */
    private static final long CONTENT_LIMIT = 1 << 20;

    static HostSnapshot of(FakeHost host) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        for (Path top : List.of(host.vmDir, host.rcConf, host.hostRoot, host.state)) {
            if (!Files.exists(top)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(top)) {
                for (Path p : walk.toList()) {
                    String rel = host.root.relativize(p).toString();
                    // /var/run/vm-bhyve is made on first use, as upstream's mkdir -p does: its files count, not it
                    // and its lock files are kept once made, as lockf(1)'s are: whether one is held is FaultWalk's check
                    if (skipped(host.root.relativize(p))
                            || rel.startsWith("host/var") && (Files.isDirectory(p) || rel.endsWith(".lock"))) {
                        continue;
                    }
                    files.put(random(rel), describe(p));
                }
            }
        }
        return new HostSnapshot(files);
    }

    private static boolean skipped(Path rel) {
        // zfs/snap is where the zfs stub keeps snapshot copies, made on its first call
        if (rel.getNameCount() == 4 && rel.startsWith("state/if") && rel.endsWith("index") || rel.endsWith("zfs/snap")) {
            return true;
        }
        for (Path part : rel) {
            if (NOT_STATE.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return "-> " + Files.readSymbolicLink(p);
        }
        if (Files.isDirectory(p)) {
            return "dir";
        }
        String name = p.getFileName().toString();
        if (Files.size(p) > CONTENT_LIMIT) {
            return "size " + Files.size(p);
        }
        String text = new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (name.equals("list") && p.getParent().getFileName().toString().equals("zfs")) {
            // a dataset's creation time is the second the stub made it
            return text.replaceAll("\t[0-9]+\n", "\n");
        }
        if (name.equals("procs")) {
            // a process is its title; pids differ from run to run
            return random(text.replaceAll("(?m)^[0-9]+ ", ""));
        }
        return random(text);
    }

    /** Values a run draws afresh (uuids, MACs, times in logs and snapshot names) are not state to compare. */
    private static String random(String text) {
        return text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID")
                .replaceAll("58:9c:fc:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}", "MAC")
                .replaceAll("\\d\\d:\\d\\d:\\d\\d", "TIME")
                // vm migrate names its snapshots by the second it took them
                .replaceAll("[0-9]{14}-s", "STAMP-s");
    }

    /** The differences from OTHER, one {@code path: this -> other} line each, for a verdict's detail. */
    List<String> diff(HostSnapshot other) {
        List<String> lines = new ArrayList<>();
        TreeMap<String, String> all = new TreeMap<>(files);
        all.putAll(other.files);
        for (String path : all.keySet()) {
            String a = files.get(path);
            String b = other.files.get(path);
            if (a == null || !a.equals(b)) {
                lines.add(path + ": " + brief(a) + " -> " + brief(b));
            }
        }
        return lines;
    }

    private static String brief(String s) {
        if (s == null) {
            return "(none)";
        }
        String one = s.replace("\n", "\\n");
        return one.length() > 120 ? one.substring(0, 120) + "..." : one;
    }
}
