package org.vmbhyve.config;

import java.nio.file.Path;

/** Another command held a lock for longer than {@link LockFile#WAIT}: reported as an error, status 1. */
public final class LockTimeout extends RuntimeException {

    public LockTimeout(Path what) {
        this(what.toString());
    }

    public LockTimeout(String what) {
        super("unable to lock " + what + ": another vm command has held it for "
                + LockFile.WAIT.toSeconds() + " seconds", null, false, false);
    }
}
