package org.vmbhyve.doctor;

/** How one line of {@code vm doctor} came out; only {@link #FAIL} makes the exit status 1. */
public enum Status {
    /** Ready as far as this check can tell. */
    PASS,
    /** Not applicable here, or not visible to this user: nothing to do. */
    INFO,
    /** Works, but something will bite later (a stale leftover, a short shutdown timeout). */
    WARN,
    /** Something vm or a guest needs is missing or broken. */
    FAIL
}
