package org.vmbhyve.guest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.Chars;
import org.vmbhyve.config.RcConf;

/**
 * rc.conf's {@code vm_list}, the guests {@code vm startall} starts at boot. vm never edits it:
 * after a rename or destroy of a guest it names, the admin is told, with the {@code sysrc}
 * command that mends it (churchers/vm-bhyve#143: the host silently stopped starting a renamed
 * guest). {@code sysrc} edits {@code /etc/rc.conf} and {@code rc.conf.local} by itself, but
 * not {@code rc.conf.d/vm}, so {@code -f FILE} names the file whenever it is not
 * {@code /etc/rc.conf}.
 */
public final class BootList {

    private static final String VARIABLE = "vm_list";
    private static final String MAIN_FILE = "/etc/rc.conf";

    private final RcConf rc;

    public BootList(RcConf rc) {
        this.rc = rc;
    }

    /** The warnings after {@code vm rename OLD NEW}; none when vm_list does not name OLD. */
    public List<String> afterRename(String oldName, String newName) {
        if (!names(oldName)) {
            return List.of();
        }
        return List.of(VARIABLE + " in " + file() + " still names " + oldName + ", so the host will not start "
                        + newName + " at boot",
                "to fix it, run: " + sysrc(VARIABLE + "-=" + oldName + " " + VARIABLE + "+=" + newName));
    }

    /** The warnings after {@code vm destroy NAME}; none when vm_list does not name it. */
    public List<String> afterDestroy(String name) {
        if (!names(name)) {
            return List.of();
        }
        return List.of(VARIABLE + " in " + file() + " still names " + name + ", which no longer exists",
                "to fix it, run: " + sysrc(VARIABLE + "-=" + name));
    }

    /** Whether the list holds the name as a whole word, as {@code vm startall} reads it. */
    boolean names(String guest) {
        Optional<String> list = rc.get(VARIABLE);
        if (list.isEmpty()) {
            return false;
        }
        for (String word : Chars.words(list.get())) {
            if (word.equals(guest)) {
                return true;
            }
        }
        return false;
    }

    private String file() {
        Optional<Path> origin = rc.origin(VARIABLE);
        return origin.isPresent() ? origin.get().toString() : "rc.conf";
    }

    private String sysrc(String edits) {
        Optional<Path> origin = rc.origin(VARIABLE);
        if (origin.isEmpty() || origin.get().toString().equals(MAIN_FILE)) {
            return "sysrc " + edits;
        }
        return "sysrc -f " + origin.get() + " " + edits;
    }
}
