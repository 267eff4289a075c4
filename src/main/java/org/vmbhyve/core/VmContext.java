package org.vmbhyve.core;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.vmbhyve.config.RcConf;
import org.vmbhyve.config.SystemConfig;
import org.vmbhyve.datastore.Datastores;
import org.vmbhyve.host.Host;
import org.vmbhyve.host.HostPaths;
import org.vmbhyve.host.ProcessRunner;

/**
 * Everything a command works with once start-up checks have passed: the resolved
 * {@code $vm_dir}, its configuration, and the doors to the host. Services take what they need
 * from here; nothing in it is global.
 *
 * @param zfsDataset the dataset behind {@code $vm_dir}, or null when it is a plain directory
 */
public record VmContext(
        Map<String, String> env,
        RcConf rc,
        Path vmDir,
        String zfsDataset,
        SystemConfig system,
        Datastores datastores,
        ProcessRunner runner,
        Host host,
        HostPaths paths,
        Clock clock,
        RandomGenerator random,
        Path workingDir,
        Ui ui) {

    public Path templatesDir() {
        return vmDir.resolve(".templates");
    }

    /** The same context talking through another {@link Ui}. */
    public VmContext withUi(Ui other) {
        return new VmContext(env, rc, vmDir, zfsDataset, system, datastores, runner, host, paths, clock, random,
                workingDir, other);
    }

    /** {@code vm_delay} from rc.conf (default 2 seconds). */
    public int delaySeconds() {
        try {
            return Integer.parseInt(rc.get("vm_delay").orElse("2").trim());
        } catch (NumberFormatException e) {
            return 2;
        }
    }
}
