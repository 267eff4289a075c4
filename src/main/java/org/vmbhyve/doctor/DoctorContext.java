package org.vmbhyve.doctor;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.RcConf;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.guest.RunningGuests;
import org.vmbhyve.host.Host;
import org.vmbhyve.host.HostPaths;
import org.vmbhyve.host.ProcessRunner;

/**
 * What the checks look at. Unlike other commands, {@code vm doctor} runs without the start-up
 * checks (it reports what they would refuse), so the vm context is there only when
 * {@code $vm_dir} is usable; the process listing and the guests are read once and shared.
 */
public final class DoctorContext {

    private final RcConf rc;
    private final ProcessRunner runner;
    private final Host host;
    private final HostPaths paths;
    private final Optional<VmContext> vm;
    private final JavaRuntime java;
    private RunningGuests running;
    private List<Guest> guests;

    public DoctorContext(RcConf rc, ProcessRunner runner, Host host, HostPaths paths, Optional<VmContext> vm,
            JavaRuntime java) {
        this.rc = rc;
        this.runner = runner;
        this.host = host;
        this.paths = paths;
        this.vm = vm;
        this.java = java;
    }

    public RcConf rc() {
        return rc;
    }

    public ProcessRunner runner() {
        return runner;
    }

    public Host host() {
        return host;
    }

    public HostPaths paths() {
        return paths;
    }

    /** The context of a usable {@code $vm_dir}; empty when it is not set up. */
    public Optional<VmContext> vm() {
        return vm;
    }

    public JavaRuntime java() {
        return java;
    }

    /** Which guests have a bhyve or loader process, from one listing. */
    public RunningGuests running() {
        if (running == null) {
            running = RunningGuests.scan(runner);
        }
        return running;
    }

    /** Every guest of every datastore; none without a usable {@code $vm_dir}. */
    public List<Guest> guests() {
        if (guests == null) {
            guests = vm.isPresent() ? new Guests(vm.get()).all() : List.of();
        }
        return guests;
    }

    /** {@code kldstat -qm MODULE}: the module is loaded and initialised (or compiled in). */
    public boolean moduleLoaded(String module) {
        return runner.run("kldstat", "-qm", module).ok();
    }

    /** A module file kldload(8) would find: {@code /boot/kernel} or {@code /boot/modules} (its default path). */
    public boolean moduleFile(String module) {
        return Files.exists(paths.get("/boot/kernel/" + module + ".ko"))
                || Files.exists(paths.get("/boot/modules/" + module + ".ko"));
    }

    /** {@code sysctl -n NAME}, or "" when the oid does not exist. */
    public String sysctl(String name) {
        var result = runner.run("sysctl", "-n", name);
        return result.ok() ? result.firstLine().trim() : "";
    }
}
