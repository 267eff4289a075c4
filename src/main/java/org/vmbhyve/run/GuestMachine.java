package org.vmbhyve.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToIntFunction;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.config.YesNo;
import org.vmbhyve.core.Pause;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestLog;
import org.vmbhyve.guest.RandomUuid;

/**
 * One run of a guest as upstream's {@code vm::run} builds it: the checks before the first boot,
 * what the host provides for the whole run (device helpers, taps, the console file,
 * {@code run.lock}), each boot's loader and bhyve command, what bhyve's exit status means, and
 * the clean-up. Everything is decided from the config as read when the run starts; {@link Facts}
 * holds those decisions, so that a later process can take the run over ({@link #resume}) and
 * boot the same machine again. Who waits for bhyve is the supervisor's business, not this one's.
 */
public final class GuestMachine {

    /** The run's status when the guest cannot be booted at all. */
    public static final int FATAL = 15;

    /**
     * What the start of a run decided: the config text as read then, the vCPU value, the
     * firmware, the VNC port found free, each NIC as attached, the taps this run made.
     */
    public record Facts(String config, String cpu, String bootrom, Integer vncPort, List<GuestNic> nics,
                        List<String> taps, boolean foreground, boolean tmux) {
    }

    /** The next boot's bhyve argv and whether resource limits then apply, or the status ending the run. */
    public record Boot(List<String> argv, boolean limits, int status) {

        public boolean ok() {
            return argv != null;
        }
    }

    private final VmContext vm;
    private final Guest guest;
    private final GuestLog log;
    private final RunFiles files;
    private final GuestNics nics;
    private ConfigValues config;
    private String cpu;
    private GuestDevices devices;
    private MachineSpec spec;
    private BhyveCommandBuilder builder;
    private MachinePlan plan;

    public GuestMachine(VmContext vm, Guest guest, GuestLog log) {
        this.vm = vm;
        this.guest = guest;
        this.log = log;
        this.files = new RunFiles(guest);
        this.nics = new GuestNics(vm, guest, log);
    }

    /** The run's opening: cloud-init seed, a UUID saved if there is none, a fresh log with its summary. */
    public void begin() {
        CloudInitSeed.ensure(guest, vm.runner(), log);
        config = guest.config();
        if (config.value(GuestKey.UUID).isEmpty()) {
            GuestNics.save(guest, "uuid", RandomUuid.next(vm.random()));
            config = guest.config();
        }
        cpu = CpuTopology.of(config);
        log.rotate();
        BootSummary.write(log, config, cpu);
    }

    /**
     * Checks the guest can boot here, then starts its helpers, attaches its NICs and writes the
     * console file and {@code run.lock}. When it fails after the first helper, it cleans up.
     *
     * @return 0 when the machine is ready, else the run's status
     */
    public int prepare(boolean foreground, boolean tmux, String iso) {
        String loader = config.value(GuestKey.LOADER);
        if (loader.isEmpty() || cpu.isEmpty() || config.value(GuestKey.MEMORY).isEmpty()) {
            log.write("fatal; unable to start - missing required configuration");
            return FATAL;
        }
        HostSupport support = new HostSupport(vm);
        if (!support.unrestrictedGuest()) {
            if (!loader.equals("bhyveload")) {
                log.write("fatal; unable to start - no unrestricted guest support");
                return FATAL;
            }
            if (!cpu.equals("1")) {
                cpu = "1";
                log.write("warning; no unrestricted guest support. reducing vcpu count to 1");
            }
        }
        String bootrom = null;
        try {
            if (Firmware.isUefi(loader)) {
                bootrom = Firmware.bootrom(guest, config, vm.paths(), true);
            }
        } catch (LoaderBuilder.LoaderFailure e) {
            log.write(e.getMessage());
            return FATAL;
        }
        if (!config.value(GuestKey.PASSTHRU.at(0)).isEmpty() && !support.iommu()) {
            log.write("fatal; pci passthrough not supported on this system (no VT-d or amdvi)");
            return FATAL;
        }
        devices = new GuestDevices(new GuestDevice.Context(vm, guest, config));
        var refusal = devices.refusal();
        if (refusal.isPresent()) {
            log.write("fatal; " + refusal.get());
            return FATAL;
        }
        // from the first helper or tap on, every way out must take them and the lock away again
        boolean ready = false;
        try {
            var failed = devices.startHelpers(log);
            if (failed.isPresent()) {
                log.write("fatal; " + failed.get());
                return FATAL;
            }
            List<GuestNic> attached = nics.attach(config);
            Integer vncPort = VncPort.needed(config, bootrom != null) ? nics.vncPort() : null;
            build(new Facts(null, cpu, bootrom, vncPort, attached, List.of(), foreground, tmux), iso);
            files.writeConsole(plan.bhyve().consoleFile());
            files.lock(vm.host().hostname());
            log.write("booting");
            ready = true;
            return 0;
        } finally {
            if (!ready) {
                cleanUp();
            }
        }
    }

    /** Takes over a run another process started, from its facts: the same machine, its taps to destroy at the end. */
    public static GuestMachine resume(VmContext vm, Guest guest, GuestLog log, Facts facts) {
        GuestMachine machine = new GuestMachine(vm, guest, log);
        machine.config = ConfigValues.parse(facts.config());
        machine.cpu = facts.cpu();
        machine.devices = new GuestDevices(new GuestDevice.Context(vm, guest, machine.config));
        machine.nics.adopt(facts.taps());
        machine.build(facts, null);
        return machine;
    }

    public Facts facts() {
        return new Facts(config.text(), cpu, spec.bootrom(), spec.vncPort(), spec.nics(), nics.created(),
                spec.foreground(), spec.tmux());
    }

    private void build(Facts facts, String iso) {
        spec = new MachineSpec(guest.name(), guest.dir().toString(), config, guest, facts.cpu(), facts.bootrom(),
                facts.foreground(), facts.tmux(), iso, facts.nics(), facts.vncPort(),
                vm.vmDir().resolve(".config/null.iso").toString(), devices.lpcDevices());
        builder = new BhyveCommandBuilder(spec);
        plan = builder.build();
    }

    /**
     * Readies boot number {@code run} (1 first): the vmm device of a non-UEFI guest destroyed,
     * the prestart program, the TPM reset on a reboot, the loader run with {@code loader}, and
     * the log lines of the bhyve command it returns.
     *
     * @param iso the install medium, on the first boot only (null otherwise)
     */
    public Boot boot(int run, String iso, ToIntFunction<List<String>> loader) {
        String name = guest.name();
        if (Files.exists(vm.paths().vmmDevice(name)) && !spec.uefi()) {
            if (!vm.runner().run("bhyvectl", "--vm=" + name, "--destroy").ok()) {
                log.write("fatal; failed to destroy existing vmm device");
                return new Boot(null, false, FATAL);
            }
            Pause.seconds(1);
        }
        Prestart.run(guest, config, vm.runner(), log);
        List<String> isoDevice = builder.isoDevice(iso);
        List<String> bootDevices = plan.bhyve().devices();
        if (run >= 2) {
            bootDevices = DeviceWords.withoutAutoWait(bootDevices, config);
            devices.beforeReboot(log);
        }
        if (!spec.uefi()) {
            int exit = load(loader, iso);
            if (exit != 0) {
                log.write("fatal; loader returned error " + exit);
                return new Boot(null, false, exit);
            }
        }
        List<String> options = new HostSupport(vm).resumed(plan.bhyve().options(), guest, log);
        BhyveCommand bhyve = plan.bhyve().withDevices(bootDevices, isoDevice).withOptions(options);
        log.write(" [bhyve options: " + BhyveCommand.words(bhyve.options()) + "]",
                " [bhyve devices: " + BhyveCommand.logged(bhyve.devices()) + "]",
                " [bhyve console: " + BhyveCommand.words(bhyve.console()) + "]");
        if (!isoDevice.isEmpty()) {
            log.write(" [bhyve iso device: " + BhyveCommand.words(isoDevice) + "]");
        }
        log.write("starting bhyve (run " + run + ")");
        return new Boot(bhyve.argv(), resourceLimits().wanted(), 0);
    }

    private int load(ToIntFunction<List<String>> loader, String iso) {
        ConfigValues values = spec.config();
        String disk0 = values.value(GuestKey.DISK_NAME.at(0));
        String bootDisk = disk0.isEmpty() ? "" : guest.diskPath(disk0, values.get(GuestKey.DISK_DEV.at(0), "file"));
        String grub = vm.runner().which("grub-bhyve").map(Path::toString).orElse(null);
        LoaderPlan loaderPlan;
        try {
            loaderPlan = new LoaderBuilder(spec, plan).build(bootDisk, grub, iso);
        } catch (LoaderBuilder.LoaderFailure e) {
            log.write(e.getMessage());
            return FATAL;
        }
        loaderPlan.writeFiles(guest.dir(), log);
        log.write(String.join(" ", loaderPlan.argv()));
        return loader.applyAsInt(loaderPlan.argv());
    }

    /** The guest's priority and rctl limits, applied a second after bhyve starts. */
    public ResourceLimits resourceLimits() {
        return new ResourceLimits(guest.name(), config, vm.runner(), log::write);
    }

    /** Where bhyve's stderr goes: {@code bhyve.log} in the guest's directory with {@code debug="yes"}. */
    public ProcessBuilder.Redirect bhyveStderr() {
        return YesNo.isTrue(config.get(GuestKey.DEBUG, "no"))
                ? ProcessBuilder.Redirect.appendTo(guest.dir().resolve("bhyve.log").toFile())
                : ProcessBuilder.Redirect.DISCARD;
    }

    /**
     * bhyve has exited with {@code exit} ({@code vm::handle_exit}): true when the guest boots
     * again. Never after a stop request, nor while the guest is being suspended.
     */
    public boolean reboots(int exit, boolean stopping) {
        log.write("bhyve exited with status " + exit);
        files.deleteConsoleSockets();
        if (stopping || files.suspending() || !ExitAction.restart(exit, config, guest.dir())) {
            return false;
        }
        log.write("restarting");
        return true;
    }

    /** The end of the run: taps destroyed, helpers stopped, the vmm device released, the run's files gone. */
    public synchronized void cleanUp() {
        nics.destroyTaps();
        if (devices != null) {
            devices.stopHelpers(log);
        }
        log.write(files.suspending() ? "suspended" : "stopped");
        if (Files.exists(vm.paths().vmmDevice(guest.name()))) {
            vm.runner().run("bhyvectl", "--destroy", "--vm=" + guest.name());
        }
        files.deleteAll();
    }
}
