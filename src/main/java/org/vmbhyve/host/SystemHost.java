package org.vmbhyve.host;

import com.sun.security.auth.module.UnixSystem;
import java.util.Optional;
import java.util.OptionalLong;

/** Host facts read from the running system, each asked for only when needed. */
public final class SystemHost implements Host {

    private final ProcessRunner runner;
    private final OptionalLong emulatedUid;
    private String hostname;

    public SystemHost(ProcessRunner runner) {
        this(runner, OptionalLong.empty());
    }

    private SystemHost(ProcessRunner runner, OptionalLong emulatedUid) {
        this.runner = runner;
        this.emulatedUid = emulatedUid;
    }

    /** An emulated host (the test host) whose user id is given, as its {@code id -u} would print it. */
    public static SystemHost emulated(ProcessRunner runner, String uid) {
        return new SystemHost(runner, OptionalLong.of(parseUid(uid)));
    }

    /**
     * This process's user id, without starting {@code id -u}: the JDK gives the real user id,
     * which equals the effective one {@code id -u} prints, as nothing starts vm set-user-id.
     * Where the runtime lacks its {@code jdk.security.auth} module, {@code id -u} answers.
     */
    @Override
    public long uid() {
        if (emulatedUid.isPresent()) {
            return emulatedUid.getAsLong();
        }
        try {
            return new UnixSystem().getUid();
        } catch (LinkageError e) {
            // a runtime image without the module or its native library
        }
        return parseUid(runner.run("id", "-u").firstLine());
    }

    private static long parseUid(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String hostname() {
        if (hostname == null) {
            hostname = runner.run("hostname").firstLine().trim();
        }
        return hostname;
    }

    @Override
    public Optional<Integer> osReldate() {
        try {
            return Optional.of(Integer.parseInt(runner.run("uname", "-K").firstLine().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
