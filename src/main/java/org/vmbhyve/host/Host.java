package org.vmbhyve.host;

import java.util.Optional;

/** Facts about the host machine that upstream asks the shell for. */
public interface Host {

    /** The effective user id ({@code id -u}). */
    long uid();

    /** Whether {@code vm} runs as root, which may manage guests: the one place that decides it. */
    default boolean isRoot() {
        return uid() == 0;
    }

    /** The host name as {@code hostname} prints it. */
    String hostname();

    /** The CPU model as {@code sysctl hw.model} prints it (the vmm checks tell Intel by it). */
    String cpuModel();

    /** The kernel's {@code uname -K} version, when it can be read. */
    Optional<Integer> osReldate();
}
