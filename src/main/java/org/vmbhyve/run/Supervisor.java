package org.vmbhyve.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.config.LockFile;
import org.vmbhyve.core.Pause;
import org.vmbhyve.core.Ui;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestLog;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.guest.RandomUuid;

/**
 * {@code vm _run}: runs one guest until it powers off ({@code vm::run}). Sets up its taps,
 * console file and lock, loops loader + bhyve while the guest reboots, and always cleans up:
 * taps destroyed, vmm device released, lock removed, also when it is sent SIGTERM.
 */
public final class Supervisor {

    /** {@code _run}'s exit statuses besides bhyve's own. */
    public static final int NO_GUEST = 5;
    public static final int NOT_STOPPED = 10;
    public static final int FATAL = 15;

    /** How long a supervisor waits for the run lock (only a probe by another command holds it briefly). */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    private final VmContext vm;
    private final String name;
    private final boolean foreground;
    private final boolean tmux;
    private final CountDownLatch finished = new CountDownLatch(1);
    private ChildRunner children;
    private Guest guest;
    private GuestLog log;
    private RunFiles files;
    private GuestNics nics;
    private GuestDevices guestDevices;

    public Supervisor(VmContext vm, String name, boolean foreground, boolean tmux) {
        this.vm = vm;
        this.name = name;
        this.foreground = foreground;
        this.tmux = tmux;
    }

    /**
     * Runs the guest to its end.
     *
     * @param onLocked called once this supervisor holds the guest's run lock, before it changes
     *                 anything: the starting command then lets go of the guest
     */
    public int run(String iso, Runnable onLocked) {
        Guests guests = new Guests(vm);
        var found = guests.find(name);
        if (found.isEmpty()) {
            return NO_GUEST;
        }
        guest = found.get();
        // one guest, one supervisor: a second one leaves at once, having touched nothing
        Optional<LockFile.Hold> runLock = guest.lock().run(LOCK_WAIT);
        if (runLock.isEmpty()) {
            return NOT_STOPPED;
        }
        try (LockFile.Hold held = runLock.get()) {
            Leftovers leftovers = new Leftovers(vm, guest);
            boolean unclean = leftovers.present();
            guest.lock().recordSupervisor();
            onLocked.run();
            try {
                return supervise(leftovers, unclean, iso);
            } finally {
                guest.lock().clearSupervisor();
            }
        }
    }

    private int supervise(Leftovers leftovers, boolean unclean, String iso) {
        // the starting command has said why a guest cannot start; here it only ends the run
        int stopped = new Guests(vm.withUi(Ui.SILENT)).confirmStopped(guest, true);
        if (stopped == 2 || stopped == 1 && !unclean) {
            return NOT_STOPPED;
        }
        log = new GuestLog(guest.dir(), vm.clock());
        files = new RunFiles(guest);
        nics = new GuestNics(vm, guest, log);
        children = new ChildRunner(vm.runner(), log);
        CloudInitSeed.ensure(guest, vm.runner(), log);
        ConfigValues config = configWithUuid();
        String cpu = CpuTopology.of(config);
        log.rotate();
        BootSummary.write(log, config, cpu);
        if (unclean) {
            leftovers.clear(log);
        }

        Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnSignal, "vm-stop"));
        int exit;
        try {
            exit = boot(config, cpu, iso);
        } finally {
            finished.countDown();
        }
        return exit;
    }

    private int boot(ConfigValues config, String cpu, String iso) {
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
        guestDevices = new GuestDevices(new GuestDevice.Context(vm, guest, config));
        var refusal = guestDevices.refusal();
        if (refusal.isPresent()) {
            log.write("fatal; " + refusal.get());
            return FATAL;
        }
        // from the first helper or tap on, every way out must take them and the lock away again
        try {
            var failed = guestDevices.startHelpers(log);
            if (failed.isPresent()) {
                log.write("fatal; " + failed.get());
                return FATAL;
            }
            List<GuestNic> attached = nics.attach(config);
            Integer vncPort = VncPort.needed(config, bootrom != null) ? nics.vncPort() : null;
            MachineSpec spec = new MachineSpec(name, guest.dir().toString(), config, guest, cpu, bootrom,
                    foreground, tmux, iso, attached, vncPort, vm.vmDir().resolve(".config/null.iso").toString(),
                    guestDevices.lpcDevices());
            BhyveCommandBuilder builder = new BhyveCommandBuilder(spec);
            MachinePlan plan = builder.build();
            files.writeConsole(plan.bhyve().consoleFile());
            files.lock(vm.host().hostname());
            log.write("booting");
            return loop(spec, builder, plan, iso);
        } finally {
            cleanUp();
        }
    }

    private int loop(MachineSpec spec, BhyveCommandBuilder builder, MachinePlan plan, String iso) {
        ConfigValues config = spec.config();
        String disk0 = config.value(GuestKey.DISK_NAME.at(0));
        String bootDisk = disk0.isEmpty() ? "" : guest.diskPath(disk0, config.get(GuestKey.DISK_DEV.at(0), "file"));
        String grub = vm.runner().which("grub-bhyve").map(Path::toString).orElse(null);
        Path vmm = vm.paths().vmmDevice(name);
        List<String> devices = plan.bhyve().devices();
        int exit = 0;
        for (int run = 1; !children.stopping(); run++) {
            if (Files.exists(vmm) && !spec.uefi()) {
                if (!vm.runner().run("bhyvectl", "--vm=" + name, "--destroy").ok()) {
                    log.write("fatal; failed to destroy existing vmm device");
                    return FATAL;
                }
                Pause.seconds(1);
            }
            Prestart.run(guest, config, vm.runner(), log);
            List<String> isoDevice = builder.isoDevice(iso);
            if (run >= 2) {
                devices = DeviceWords.withoutAutoWait(devices, config);
                guestDevices.beforeReboot(log);
            }
            if (!spec.uefi()) {
                exit = load(new LoaderBuilder(spec, plan), bootDisk, grub, iso);
                if (exit != 0) {
                    log.write("fatal; loader returned error " + exit);
                    return exit;
                }
            }
            List<String> options = new HostSupport(vm).resumed(plan.bhyve().options(), guest, log);
            BhyveCommand bhyve = plan.bhyve().withDevices(devices, isoDevice).withOptions(options);
            log.write(" [bhyve options: " + BhyveCommand.words(bhyve.options()) + "]",
                    " [bhyve devices: " + BhyveCommand.logged(bhyve.devices()) + "]",
                    " [bhyve console: " + BhyveCommand.words(bhyve.console()) + "]");
            if (!isoDevice.isEmpty()) {
                log.write(" [bhyve iso device: " + BhyveCommand.words(isoDevice) + "]");
            }
            log.write("starting bhyve (run " + run + ")");
            ResourceLimits limits = new ResourceLimits(name, config, vm.runner(), log::write);
            if (limits.wanted()) {
                Thread thread = new Thread(limits, "vm-rctl");
                thread.setDaemon(true);
                thread.start();
            }
            exit = children.run(bhyve.argv(), bhyveStderr(config));
            log.write("bhyve exited with status " + exit);
            files.deleteConsoleSockets();
            if (files.suspending()
                    || !ExitAction.restart(exit, config, guest.dir())) {
                break;
            }
            log.write("restarting");
            iso = null;
        }
        return exit;
    }

    private int load(LoaderBuilder loader, String bootDisk, String grub, String iso) {
        LoaderPlan plan;
        try {
            plan = loader.build(bootDisk, grub, iso);
        } catch (LoaderBuilder.LoaderFailure e) {
            log.write(e.getMessage());
            return FATAL;
        }
        plan.writeFiles(guest.dir(), log);
        log.write(String.join(" ", plan.argv()));
        return children.run(plan.argv(), ProcessBuilder.Redirect.INHERIT);
    }

    private ProcessBuilder.Redirect bhyveStderr(ConfigValues config) {
        return org.vmbhyve.config.YesNo.isTrue(config.get(GuestKey.DEBUG, "no"))
                ? ProcessBuilder.Redirect.appendTo(guest.dir().resolve("bhyve.log").toFile())
                : ProcessBuilder.Redirect.DISCARD;
    }

    private ConfigValues configWithUuid() {
        ConfigValues config = guest.config();
        if (config.value(GuestKey.UUID).isEmpty()) {
            GuestNics.save(guest, "uuid", RandomUuid.next(vm.random()));
            config = guest.config();
        }
        return config;
    }

    private synchronized void cleanUp() {
        nics.destroyTaps();
        guestDevices.stopHelpers(log);
        log.write(files.suspending() ? "suspended" : "stopped");
        if (Files.exists(vm.paths().vmmDevice(name))) {
            vm.runner().run("bhyvectl", "--destroy", "--vm=" + name);
        }
        files.deleteAll();
    }

    /**
     * SIGTERM or SIGINT to the supervisor: pass it on to bhyve (an ACPI power-off for the guest,
     * as {@code vm stop} sends), then let the main loop finish its clean-up before the JVM exits.
     */
    private void stopOnSignal() {
        if (finished.getCount() == 0) {
            return;
        }
        children.stop();
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
