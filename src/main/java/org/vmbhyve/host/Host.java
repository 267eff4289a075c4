package org.vmbhyve.host;

import java.util.Optional;

/** Facts about the host machine that upstream asks the shell for. */
public interface Host {

    /** The effective user id ({@code id -u}). */
    long uid();

    /** The host name as {@code hostname} prints it. */
    String hostname();

    /** The CPU model as {@code sysctl hw.model} prints it (the vmm checks tell Intel by it). */
    String cpuModel();

    /** The kernel's {@code uname -K} version, when it can be read. */
    Optional<Integer> osReldate();
}
