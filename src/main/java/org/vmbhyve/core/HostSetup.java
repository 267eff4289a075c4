package org.vmbhyve.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vmbhyve.config.FileMode;
import org.vmbhyve.error.VmException;
import org.vmbhyve.host.ProcessResult;
import org.vmbhyve.host.ProcessRunner;

/** {@code vm init}'s host preparation ({@code util::setup}): modules, tap behaviour, default template. */
public final class HostSetup {

    /** tap(4) and tun(4) became one module, if_tuntap, at this FreeBSD version. */
    private static final int TUNTAP_RELDATE = 1300029;

    private final VmContext vm;

    public HostSetup(VmContext vm) {
        this.vm = vm;
    }

    public void prepare() {
        loadModule("nmdm");
        loadModule("if_bridge");
        loadModule(vm.host().osReldate().orElse(TUNTAP_RELDATE) >= TUNTAP_RELDATE ? "if_tuntap" : "if_tap");
        // DEVIATE: upstream ignores a failure here, and the guests' taps then stay down
        ProcessResult tap = vm.runner().run("sysctl", "net.link.tap.up_on_open=1");
        if (!tap.ok()) {
            throw VmException.afterTool(tap.stderr(), "unable to set net.link.tap.up_on_open=1");
        }
        copyDefaultTemplate();
    }

    /** Modules loaded before a later failure stay: loading is idempotent, and unloading could hurt running guests. */
    private void loadModule(String module) {
        if (vm.runner().run("kldstat", "-qm", module).ok()) {
            return;
        }
        ProcessResult loaded = vm.runner().run("kldload", module);
        if (!loaded.ok()) {
            throw VmException.afterTool(loaded.stderr(), "unable to load " + module + ".ko!");
        }
    }

    /** Loads a kernel module unless it is loaded already; false when it cannot be loaded. */
    public static boolean ensureModule(ProcessRunner runner, String module) {
        return runner.run("kldstat", "-qm", module).ok() || runner.run("kldload", module).ok();
    }

    /** A package's example default.conf makes a bare {@code vm create} work out of the box. */
    private void copyDefaultTemplate() {
        Path example = vm.paths().exampleTemplates().resolve("default.conf");
        Path target = vm.templatesDir().resolve("default.conf");
        if (Files.exists(example) && !Files.exists(target)) {
            try {
                FileMode.PUBLIC_FILE.copy(example, target);
            } catch (IOException e) {
                // upstream ignores a failed copy too; create then reports the missing template
            }
        }
    }
}
