package org.vmbhyve.core;

/**
 * What a command line does to the host, which decides the start-up checks it is given.
 * {@code vm doctor} has none of these: it runs before the start-up checks, for any user, and
 * reports what they would refuse.
 */
public enum CommandAccess {
    /** Changes guests, switches or the host: root only, after all of upstream's checks. */
    CHANGES,
    /**
     * Only reads: any user who can read {@code $vm_dir}; root still gets upstream's host checks
     * (which may load vmm) and directory skeleton, as every upstream command does.
     */
    READS,
    /**
     * Prints what would be done ({@code --dry-run}): any user, no host check and nothing
     * created, so a preview loads no kernel module and works before vmm is set up.
     */
    PREVIEWS
}
