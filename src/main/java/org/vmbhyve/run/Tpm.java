package org.vmbhyve.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.FileMode;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.core.Pause;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.GuestLog;
import org.vmbhyve.network.Md5;

/**
 * A TPM 2.0 for the guest ({@code tpm="swtpm"} or {@code tpm="passthru"}), as bhyve's
 * {@code -l tpm,TYPE,PATH} LPC device (bhyve(8); usr.sbin/bhyve/tpm_device.c makes it a CRB
 * interface with ACPI id MSFT0101, TPM version 2.0 only).
 *
 * <p>With {@code swtpm}, bhyve's usr.sbin/bhyve/tpm_emul_swtpm.c {@code connect()}s a
 * {@code SOCK_STREAM} UNIX socket at PATH and sends raw TPM commands on it: that is swtpm's
 * data channel, {@code --server type=unixio,path=}, in swtpm(8). bhyve never uses the control
 * channel, so nothing would send the CMD_INIT swtpm waits for by default:
 * {@code --flags not-need-init} has it answer at once, and the firmware issues TPM2_Startup.
 * Without {@code --terminate} swtpm accepts bhyve's next connection after a reboot, so one
 * swtpm serves the whole run. A real reboot resets the TPM (PCRs cleared, so measured boot and
 * BitLocker see a fresh boot): before each reboot the supervisor sends CMD_INIT through the
 * control channel, {@code --ctrl type=unixio,path=}, with {@code swtpm_ioctl --unix PATH -i}
 * (swtpm_ioctl(8)), as QEMU does at a machine reset.
 *
 * <p>{@code --tpmstate dir=} keeps the TPM's NVRAM in the guest's {@code tpm/} directory, which
 * moves with the guest (rename; clone, image and migrate copy the guest's dataset). The sockets
 * and swtpm's {@code --pid file=} live in the run-time directory beside the guest locks, short
 * enough for the 104 bytes of {@code sun_path} (sys/sys/un.h) whatever {@code vm_dir} is.
 *
 * <p>The swtpm flags are those of swtpm(8) and swtpm_ioctl(8) as swtpm's own sources document
 * them (stefanberger/swtpm, man/man8/swtpm.pod and swtpm_ioctl.pod).
 */
final class Tpm implements GuestDevice {

    /** {@code sizeof(sun_path)} on FreeBSD, less its terminating NUL. */
    static final int MAX_SOCKET_PATH = 103;
    private static final List<String> KINDS = List.of("swtpm", "passthru", "no");
    private static final long SOCKET_WAIT_MILLIS = 10_000;

    private Process swtpm;

    @Override
    public String name() {
        return "tpm";
    }

    @Override
    public boolean wanted(ConfigValues config) {
        String kind = config.value(GuestKey.TPM);
        return !kind.isEmpty() && !kind.equals("no");
    }

    private static boolean swtpm(ConfigValues config) {
        return config.value(GuestKey.TPM).equals("swtpm");
    }

    private static String device(ConfigValues config) {
        return config.get(GuestKey.TPM_DEVICE, "/dev/tpm0");
    }

    @Override
    public Optional<String> refusal(Context context) {
        ConfigValues config = context.config();
        String kind = config.value(GuestKey.TPM);
        if (!KINDS.contains(kind)) {
            return Optional.of("tpm=\"" + kind + "\" is not a TPM kind (swtpm, passthru or no)");
        }
        if (!Firmware.isUefi(config.value(GuestKey.LOADER))) {
            return Optional.of("a TPM needs a UEFI guest (loader=\"uefi\")");
        }
        if (!swtpm(config)) {
            return new TpmSupport(context.vm()).passthruProblem(device(config));
        }
        Optional<String> host = new TpmSupport(context.vm()).swtpmProblem();
        if (host.isPresent()) {
            return host;
        }
        if (stateDir(context).toString().indexOf(',') >= 0) {
            return Optional.of("the TPM state directory " + stateDir(context) + " holds a comma, which swtpm's"
                    + " --tpmstate option cannot carry");
        }
        if (!fits(controlSocket(context))) {
            return Optional.of("the swtpm socket " + controlSocket(context) + " is longer than the "
                    + MAX_SOCKET_PATH + " bytes a UNIX socket path holds");
        }
        return Optional.empty();
    }

    @Override
    public List<String> lpcDevices(Context context) {
        String path = swtpm(context.config()) ? socket(context).toString() : device(context.config());
        return List.of("-l", "tpm," + context.config().value(GuestKey.TPM) + "," + path);
    }

    /** swtpm(8): the {@code socket} front end of a TPM 2 with the flags the class comment explains. */
    @Override
    public List<String> helper(Context context) {
        if (!swtpm(context.config())) {
            return List.of();
        }
        Path state = stateDir(context);
        return List.of("swtpm", "socket", "--tpm2", "--tpmstate", "dir=" + state,
                "--server", "type=unixio,path=" + socket(context),
                "--ctrl", "type=unixio,path=" + controlSocket(context), "--flags", "not-need-init",
                "--pid", "file=" + pidFile(context), "--log", "file=" + state.resolve("swtpm.log"));
    }

    @Override
    public void startHelper(Context context, GuestLog log) {
        List<String> argv = helper(context);
        if (argv.isEmpty()) {
            return;
        }
        stopHelper(context, log);
        Path socket = socket(context);
        try {
            if (!Files.isDirectory(stateDir(context))) {
                // the TPM's secrets: for root's eyes only
                FileMode.PRIVATE_DIR.createDirectories(stateDir(context));
            }
            FileMode.PUBLIC_DIR.createDirectories(socket.getParent());
            Files.deleteIfExists(socket);
            Files.deleteIfExists(controlSocket(context));
        } catch (IOException e) {
            throw new VmException("unable to prepare the TPM state in " + stateDir(context));
        }
        log.write("starting " + String.join(" ", argv));
        try {
            swtpm = context.vm().runner().start(argv, context.guest().dir(), false, ProcessBuilder.Redirect.DISCARD);
        } catch (IOException e) {
            throw new VmException("unable to run swtpm: " + e.getMessage());
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SOCKET_WAIT_MILLIS);
        while (!Files.exists(socket)) {
            if (!swtpm.isAlive()) {
                throw new VmException("swtpm exited with status " + swtpm.exitValue() + " before making " + socket);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new VmException("swtpm made no socket " + socket + " in " + SOCKET_WAIT_MILLIS / 1000
                        + " seconds");
            }
            Pause.millis(20);
        }
        hide(socket, controlSocket(context), pidFile(context));
    }

    /** swtpm makes its sockets and pid file as its umask says; they are root's control channels. */
    private static void hide(Path... paths) {
        for (Path path : paths) {
            try {
                FileMode.PRIVATE_FILE.apply(path);
            } catch (IOException e) {
                // not made (yet): swtpm's own umask decides, and only root can connect anyway
            }
        }
    }

    /** A reset, as at power-on: the guest's firmware then starts the TPM afresh. */
    @Override
    public void beforeReboot(Context context, GuestLog log) {
        if (swtpm(context.config()) && !context.vm().runner()
                .run("swtpm_ioctl", "--unix", controlSocket(context).toString(), "-i").ok()) {
            log.write("warning; unable to reset the TPM (swtpm_ioctl -i), it keeps the last boot's state");
        }
    }

    /** Ends our swtpm, or one a killed supervisor left (found by its pid file, and only if it is swtpm). */
    @Override
    public void stopHelper(Context context, GuestLog log) {
        if (!swtpm(context.config())) {
            return;
        }
        Path pidFile = pidFile(context);
        if (Files.exists(pidFile)) {
            log.write("stopping swtpm");
            context.vm().runner().run("pkill", "-F", pidFile.toString(), "-x", "swtpm");
            // a killed supervisor's swtpm is no child of ours: wait until it lets go of the state
            for (int i = 0; swtpm == null && i < 50
                    && swtpmRuns(context, pidFile); i++) {
                Pause.millis(100);
            }
        }
        if (swtpm != null) {
            swtpm.destroy();
            try {
                swtpm.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            swtpm = null;
        }
        try {
            Files.deleteIfExists(pidFile);
            Files.deleteIfExists(socket(context));
            Files.deleteIfExists(controlSocket(context));
        } catch (IOException e) {
            // the next start replaces them
        }
    }

    @Override
    public List<Problem> problems(Context context) {
        ConfigValues config = context.config();
        List<Problem> problems = new ArrayList<>();
        if (!config.value(GuestKey.TPM_DEVICE).isEmpty() && !config.value(GuestKey.TPM).equals("passthru")) {
            problems.add(new Problem(false, GuestKey.TPM_DEVICE.key(), "read only with tpm=\"passthru\""));
        }
        Optional<String> refusal = wanted(config) && KINDS.contains(config.value(GuestKey.TPM))
                ? refusal(context) : Optional.empty();
        if (refusal.isPresent()) {
            problems.add(new Problem(true, GuestKey.TPM.key(), refusal.get()));
        }
        return problems;
    }

    @Override
    public Map<String, Object> details(Context context) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", context.config().value(GuestKey.TPM));
        if (!swtpm(context.config())) {
            details.put("device", device(context.config()));
            return details;
        }
        details.put("stateDirectory", stateDir(context).toString());
        details.put("socket", socket(context).toString());
        Path pidFile = pidFile(context);
        details.put("swtpmRunning", Files.exists(pidFile) && swtpmRuns(context, pidFile));
        return details;
    }

    /** Whether the pid in PIDFILE is a running swtpm (so a stale pid never names another program). */
    private static boolean swtpmRuns(Context context, Path pidFile) {
        return context.vm().runner().run("pgrep", "-F", pidFile.toString(), "-x", "swtpm").ok();
    }

    /** The TPM's NVRAM, in the guest's directory so that it moves with the guest. */
    static Path stateDir(Context context) {
        return context.guest().dir().resolve("tpm");
    }

    /**
     * bhyve's socket, {@code /var/run/vm-bhyve/NAME.tpm}; for a name too long for
     * {@code sun_path} (with the control socket's longer suffix) a digest of it instead, so any
     * guest name fits.
     */
    static Path socket(Context context) {
        Path dir = context.vm().paths().lockDir();
        String name = context.guest().name();
        Path plain = dir.resolve(name + ".tpm");
        return fits(sibling(plain, ".ctrl")) ? plain : dir.resolve("tpm-" + digest(name) + ".tpm");
    }

    /** swtpm's control channel, beside bhyve's socket. */
    static Path controlSocket(Context context) {
        return sibling(socket(context), ".ctrl");
    }

    private static Path pidFile(Context context) {
        return sibling(socket(context), ".pid");
    }

    private static Path sibling(Path socket, String suffix) {
        return socket.resolveSibling(socket.getFileName() + suffix);
    }

    private static boolean fits(Path socket) {
        return socket.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH;
    }

    /** 24 hex digits of the name's MD5: a short, stable stand-in for a name too long for sun_path. */
    private static String digest(String name) {
        return Md5.hex(name).substring(0, 24);
    }
}
