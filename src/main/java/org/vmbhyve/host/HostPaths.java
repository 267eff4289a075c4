package org.vmbhyve.host;

import java.nio.file.Path;

/**
 * Every absolute host path other than rc.conf and $vm_dir ({@code /dev/vmm}, {@code /dev/nmdm*},
 * firmware, examples) goes through here, so tests can root the host in a temporary directory.
 */
public final class HostPaths {

    private final Path root;

    public HostPaths(Path root) {
        this.root = root;
    }

    /** Resolves an absolute host path such as {@code /dev/vmm/web1} under the host root. */
    public Path get(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    public Path vmmDevice(String guest) {
        return get("/dev/vmm/" + guest);
    }

    /** Where a package installs the example templates that {@code vm init} copies. */
    public Path exampleTemplates() {
        return get("/usr/local/share/examples/vm-bhyve");
    }
}
