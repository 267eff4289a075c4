package org.vmbhyve.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.vmbhyve.core.VmException;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestLog;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.guest.MacAddress;
import org.vmbhyve.guest.RandomUuid;
import org.vmbhyve.network.GuestNetwork;

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
    private final List<String> taps = new ArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Process child;
    private volatile boolean stopping;
    private Guest guest;
    private GuestLog log;

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
        CloudInitSeed.ensure(guest, vm.runner(), log);
        ConfigValues config = configWithUuid();
        String cpu = CpuTopology.of(config);
        log.rotate();
        log.write("initialising", " [loader: " + config.value(GuestKey.LOADER) + "]", " [cpu: " + cpu + "]",
                " [memory: " + config.value(GuestKey.MEMORY) + "]",
                " [hostbridge: " + config.get(GuestKey.HOSTBRIDGE, "standard") + "]",
                " [com ports: " + config.get(GuestKey.COMPORTS, "com1") + "]",
                " [uuid: " + config.value(GuestKey.UUID) + "]",
                " [debug mode: " + config.get(GuestKey.DEBUG, "no") + "]",
                " [primary disk: " + config.value(GuestKey.DISK_NAME.at(0)) + "]",
                " [primary disk dev: " + config.get(GuestKey.DISK_DEV.at(0), "file") + "]");
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
        // from the first tap on, every way out must take the taps and the lock away again
        try {
            List<GuestNic> nics = attachNetworks(config);
            Integer vncPort = VncPort.needed(config, bootrom != null) ? vncPort() : null;
            MachineSpec spec = new MachineSpec(name, guest.dir().toString(), config, guest, cpu, bootrom,
                    foreground, tmux, iso, nics, vncPort, vm.vmDir().resolve(".config/null.iso").toString());
            BhyveCommandBuilder builder = new BhyveCommandBuilder(spec);
            MachinePlan plan = builder.build();
            writeConsoleFile(plan.bhyve().consoleFile());
            lock();
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
        for (int run = 1; !stopping; run++) {
            if (Files.exists(vmm) && !spec.uefi()) {
                if (!vm.runner().run("bhyvectl", "--vm=" + name, "--destroy").ok()) {
                    log.write("fatal; failed to destroy existing vmm device");
                    return FATAL;
                }
                Pause.seconds(1);
            }
            Prestart.run(guest, config, vm.runner(), log);
            List<String> isoDevice = builder.isoDevice(iso);
            if (run == 2) {
                devices = BhyveCommandBuilder.withoutAutoWait(devices, config);
            }
            if (!spec.uefi()) {
                exit = load(new LoaderBuilder(spec, plan), bootDisk, grub, iso);
                if (exit != 0) {
                    log.write("fatal; loader returned error " + exit);
                    return exit;
                }
            }
            BhyveCommand bhyve = plan.bhyve().withDevices(devices, isoDevice).withOptions(options(plan, config));
            log.write(" [bhyve options: " + BhyveCommand.words(bhyve.options()) + "]",
                    " [bhyve devices: " + BhyveCommand.words(bhyve.devices()) + "]",
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
            exit = runChild(bhyve.argv(), bhyveStderr(config));
            log.write("bhyve exited with status " + exit);
            deleteConsoleSockets();
            if (Files.exists(guest.dir().resolve("suspending.lock"))
                    || !ExitAction.restart(exit, config, guest.dir())) {
                break;
            }
            log.write("restarting");
            iso = null;
        }
        return exit;
    }

    /** The options of this boot: resuming from saved state when there is one and bhyve can. */
    private List<String> options(MachinePlan plan, ConfigValues config) {
        List<String> options = new ArrayList<>(plan.bhyve().options());
        if (guest.hasSavedState()) {
            if (new HostSupport(vm).suspend(true)) {
                log.write("saved vm state found, resuming");
                options.addAll(List.of("-r", guest.dir().resolve(name + ".save").toString()));
            } else {
                log.write("saved vm state found but suspend/resume is unavailable or disabled, attempting to cold boot");
            }
        }
        return options;
    }

    private int load(LoaderBuilder loader, String bootDisk, String grub, String iso) {
        LoaderPlan plan;
        try {
            plan = loader.build(bootDisk, grub, iso);
        } catch (LoaderBuilder.LoaderFailure e) {
            log.write(e.getMessage());
            return FATAL;
        }
        for (LoaderPlan.GuestFile file : plan.files()) {
            Path path = guest.dir().resolve(file.name());
            log.write("create file " + path);
            for (String line : file.lines()) {
                log.write(" -> " + line);
            }
            try {
                Files.write(path, file.lines());
            } catch (IOException e) {
                throw new VmException("unable to write " + path);
            }
        }
        log.write(String.join(" ", plan.argv()));
        return runChild(plan.argv(), ProcessBuilder.Redirect.INHERIT);
    }

    private ProcessBuilder.Redirect bhyveStderr(ConfigValues config) {
        return org.vmbhyve.config.YesNo.isTrue(config.get(GuestKey.DEBUG, "no"))
                ? ProcessBuilder.Redirect.appendTo(guest.dir().resolve("bhyve.log").toFile())
                : ProcessBuilder.Redirect.DISCARD;
    }

    /** Runs a loader or bhyve with this process's terminal, from {@code /} as upstream does. */
    private int runChild(List<String> argv, ProcessBuilder.Redirect stderr) {
        try {
            child = vm.runner().start(argv, Path.of("/"), true, stderr);
            return child.waitFor();
        } catch (IOException e) {
            log.write("failed to run " + argv.get(0) + ": " + e.getMessage());
            return 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            child = null;
        }
    }

    private ConfigValues configWithUuid() {
        ConfigValues config = guest.config();
        if (config.value(GuestKey.UUID).isEmpty()) {
            setConfig("uuid", RandomUuid.next(vm.random()));
            config = guest.config();
        }
        return config;
    }

    /** Gives every interface a fixed MAC, then its tap, vale port or netgraph hook. */
    private List<GuestNic> attachNetworks(ConfigValues config) {
        GuestNetwork network = new GuestNetwork(vm.system(), vm.runner());
        List<GuestNic> nics = new ArrayList<>();
        for (int n = 0; !config.value(GuestKey.NETWORK_TYPE.at(n)).isEmpty(); n++) {
            String mac = config.value(GuestKey.NETWORK_MAC.at(n));
            if (mac.isEmpty()) {
                mac = MacAddress.generate(vm.random());
                log.write("generated static mac " + mac);
                setConfig("network" + n + "_mac", mac);
            }
            var nic = new GuestNetwork.GuestInterface(name, n, config.value(GuestKey.NETWORK_SWITCH.at(n)), mac,
                    config.value(GuestKey.NETWORK_DEVICE.at(n)), config.value(GuestKey.NETWORK_NAME.at(n)),
                    config.yesno(GuestKey.NETWORK_SPAN.at(n)));
            var attachment = network.attach(nic, log::write, vm.ui()::warn);
            attachment.filter(GuestNetwork.Attachment::created).ifPresent(a -> taps.add(a.backend()));
            nics.add(new GuestNic(config.value(GuestKey.NETWORK_TYPE.at(n)),
                    attachment.map(GuestNetwork.Attachment::backend).orElse(null), mac));
        }
        return nics;
    }

    /** A free VNC port, logged as upstream logs it. */
    private Integer vncPort() {
        var port = VncPort.firstFree(vm.runner());
        log.write(port.map(p -> "dynamically allocated port " + p + " for vnc connections")
                .orElse("warning; unable to allocate a network port for graphics/vnc"));
        return port.orElse(null);
    }

    private void writeConsoleFile(List<String> lines) {
        Path console = guest.dir().resolve("console");
        try {
            Files.deleteIfExists(console);
            if (!lines.isEmpty()) {
                Files.write(console, lines);
            }
        } catch (IOException e) {
            throw new VmException("unable to write " + console);
        }
    }

    private void lock() {
        try {
            Files.writeString(guest.runLock(), vm.host().hostname() + "\n");
        } catch (IOException e) {
            throw new VmException("unable to write " + guest.runLock());
        }
    }

    private synchronized void cleanUp() {
        GuestNetwork network = new GuestNetwork(vm.system(), vm.runner());
        for (String tap : taps) {
            log.write("destroying network device " + tap);
            network.destroy(tap);
        }
        taps.clear();
        boolean suspended = Files.exists(guest.dir().resolve("suspending.lock"));
        log.write(suspended ? "suspended" : "stopped");
        if (Files.exists(vm.paths().vmmDevice(name))) {
            vm.runner().run("bhyvectl", "--destroy", "--vm=" + name);
        }
        for (String file : List.of("run.lock", "suspending.lock", "console")) {
            try {
                Files.deleteIfExists(guest.dir().resolve(file));
            } catch (IOException e) {
                // nothing more can be done on the way out
            }
        }
    }

    /**
     * SIGTERM or SIGINT to the supervisor: pass it on to bhyve (an ACPI power-off for the guest,
     * as {@code vm stop} sends), then let the main loop finish its clean-up before the JVM exits.
     */
    private void stopOnSignal() {
        if (finished.getCount() == 0) {
            return;
        }
        stopping = true;
        Process running = child;
        if (running != null) {
            running.destroy();
        }
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deleteConsoleSockets() {
        try (DirectoryStream<Path> sockets = Files.newDirectoryStream(guest.dir(), "vtcon.*")) {
            for (Path socket : sockets) {
                Files.deleteIfExists(socket);
            }
        } catch (IOException e) {
            // stale sockets are replaced by bhyve on the next boot
        }
    }

    private void setConfig(String key, String value) {
        try {
            guest.configFile().set(key, value);
            guest.reload();
        } catch (IOException e) {
            throw new VmException("unable to update " + guest.configFile().path());
        }
    }

}
