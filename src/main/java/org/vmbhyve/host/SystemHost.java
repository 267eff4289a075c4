package org.vmbhyve.host;

import com.sun.security.auth.module.UnixSystem;
import java.util.Optional;

/** Host facts read from the running system, each asked for only when needed. */
public final class SystemHost implements Host {

    private final ProcessRunner runner;
    private final boolean emulated;
    private Long uid;
    private String hostname;
    private String cpuModel;

    public SystemHost(ProcessRunner runner) {
        this(runner, false);
    }

    private SystemHost(ProcessRunner runner, boolean emulated) {
        this.runner = runner;
        this.emulated = emulated;
    }

    /**
     * An emulated host (the test host, rooted elsewhere): its user is the one its own
     * {@code id -u} names, which may pretend not to be root, rather than this process's.
     */
    public static SystemHost emulated(ProcessRunner runner) {
        return new SystemHost(runner, true);
    }

    /**
     * This process's user id, asked once, without starting {@code id -u}: the JDK gives the real
     * user id, which equals the effective one {@code id -u} prints, as nothing starts vm
     * set-user-id. Where the runtime lacks its {@code jdk.security.auth} module, {@code id -u}
     * answers.
     */
    @Override
    public long uid() {
        if (uid == null) {
            uid = emulated ? idU() : jdkUid();
        }
        return uid;
    }

    private long jdkUid() {
        try {
            return new UnixSystem().getUid();
        } catch (LinkageError e) {
            return idU(); // a runtime image without the module or its native library
        }
    }

    private long idU() {
        try {
            return Long.parseLong(runner.runShowingErrors("id", "-u").firstLine().trim());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    @Override
    public String hostname() {
        if (hostname == null) {
            hostname = runner.runShowingErrors("hostname").firstLine().trim();
        }
        return hostname;
    }

    /** Asked once per run: the start-up checks and the supervisor's both need it. */
    @Override
    public String cpuModel() {
        if (cpuModel == null) {
            cpuModel = runner.run("sysctl", "hw.model").stdout();
        }
        return cpuModel;
    }

    @Override
    public Optional<Integer> osReldate() {
        try {
            return Optional.of(Integer.parseInt(runner.runShowingErrors("uname", "-K").firstLine().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
