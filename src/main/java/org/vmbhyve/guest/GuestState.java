package org.vmbhyve.guest;

/**
 * A guest's run state as {@code vm list} shows it: {@code Running (pid)}, {@code Bootloader (pid)},
 * {@code Suspended}, {@code Stopped}, or {@code Locked (host)} for a stopped guest whose
 * {@code run.lock} is still there (another host, or an unclean exit).
 */
public record GuestState(Kind kind, Long pid, String lockHost) {

    public enum Kind { RUNNING, BOOTLOADER, SUSPENDED, STOPPED, LOCKED }

    public String text() {
        return switch (kind) {
            case RUNNING -> "Running (" + pid + ")";
            case BOOTLOADER -> "Bootloader (" + pid + ")";
            case SUSPENDED -> "Suspended";
            case STOPPED -> "Stopped";
            case LOCKED -> "Locked (" + lockHost + ")";
        };
    }

    public boolean active() {
        return kind == Kind.RUNNING || kind == Kind.BOOTLOADER;
    }
}
