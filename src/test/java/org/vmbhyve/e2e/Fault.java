package org.vmbhyve.e2e;

import java.util.List;

/**
 * One line of the fake host's {@code faults} file: which matching call of a tool fails, when,
 * with what exit status and message. The messages are FreeBSD's own, each naming its source.
 *
 * @param which {@code first}, {@code every} or the number of the matching call
 * @param when {@code before} (the tool does nothing), {@code after} (it does its work, then
 *     fails) or {@code midway} (it reads part of its input, then fails)
 */
record Fault(String which, String when, int status, String message) {

    static Fault of(int status, String message) {
        return new Fault("first", "before", status, message);
    }

    Fault nth(int n) {
        return new Fault(Integer.toString(n), when, status, message);
    }

    Fault every() {
        return new Fault("every", when, status, message);
    }

    Fault after() {
        return new Fault(which, "after", status, message);
    }

    Fault midway() {
        return new Fault(which, "midway", status, message);
    }

    /** The faults-file line for calls of TOOL whose arguments match PATTERN ({@code =ARGS}: exactly). */
    String line(String tool, String pattern) {
        return String.join("\t", tool, which, when, Integer.toString(status), pattern, message) + "\n";
    }

    /** libzfs_util.c: EZFS_NOSPC is "out of space", after zfs(8)'s "cannot VERB 'NAME'". */
    static Fault zfsOutOfSpace(String verb, String dataset) {
        return of(1, "cannot " + verb + " '" + dataset + "': out of space");
    }

    /** libzfs_util.c: EBUSY is EZFS_BUSY, "dataset is busy". */
    static Fault zfsBusy(String verb, String dataset) {
        return of(1, "cannot " + verb + " '" + dataset + "': dataset is busy");
    }

    /** sbin/ifconfig/ifclone.c: {@code err(1, "SIOCIFDESTROY")} on EBUSY. */
    static Fault ifconfigDestroyBusy() {
        return of(1, "ifconfig: SIOCIFDESTROY: Device busy");
    }

    /** usr.bin/truncate/truncate.c: {@code warn("%s", fname)} on ENOSPC, exit 1. */
    static Fault truncateNoSpace(String file) {
        return of(1, "truncate: " + file + ": No space left on device");
    }

    /** bhyve(8) EXIT STATUS 4 "exited due to an error"; usr.sbin/bhyve/bhyverun.c on ENOMEM. */
    static Fault bhyveError() {
        return of(4, "Unable to setup memory (12)");
    }

    /** ssh(1) exits 255 on an error; clientloop.c prints this when the peer drops the connection. */
    static Fault sshClosed(String host) {
        return of(255, "Connection to " + host + " closed by remote host.");
    }

    /** swtpm(8) exits 1 when it cannot start its TPM (src/swtpm/swtpm.c). */
    static Fault swtpmExits() {
        return of(1, "swtpm: Could not initialize the TPM");
    }

    /** What a call (as host.log quotes it) plausibly fails with on FreeBSD, for the fault walk. */
    static Fault typical(List<String> argv) {
        String tool = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        String last = args.isEmpty() ? "" : args.get(args.size() - 1);
        return switch (tool) {
            case "zfs" -> args.get(0).equals("destroy") ? zfsBusy("destroy", last)
                    : zfsOutOfSpace(args.get(0).equals("clone") || args.get(0).equals("create") ? "create" : args.get(0), last);
            case "ifconfig" -> ifconfig(args);
            case "truncate" -> truncateNoSpace(last);
            case "qemu-img" -> of(1, "qemu-img: error while writing at byte 0: No space left on device");
            case "ssh" -> sshClosed(args.isEmpty() ? "" : args.get(0));
            case "bhyve" -> bhyveError();
            case "swtpm" -> swtpmExits();
            // sbin/pfctl/pfctl.c: err(1, "DIOCXCOMMIT") when the ruleset cannot be committed
            case "pfctl" -> of(1, "pfctl: DIOCXCOMMIT: Device busy");
            case "sysctl" -> of(1, "sysctl: " + last + ": Operation not permitted");
            default -> of(1, tool + ": Device busy");
        };
    }

    /** sbin/ifconfig: ifclone.c (create, destroy), ifbridge.c (addm, deletem), af_inet.c, ifconfig.c. */
    private static Fault ifconfig(List<String> args) {
        if (args.contains("destroy")) {
            return ifconfigDestroyBusy();
        }
        if (args.contains("create")) {
            return of(1, "ifconfig: SIOCIFCREATE2: No space left on device");
        }
        int addm = Math.max(args.indexOf("addm"), args.indexOf("deletem"));
        if (addm >= 0 && addm + 1 < args.size()) {
            return of(1, "ifconfig: BRDG" + (args.get(addm).equals("addm") ? "ADD " : "DEL ") + args.get(addm + 1) + ": Device busy");
        }
        if (args.contains("inet") || args.contains("inet6")) {
            return of(1, "ifconfig: ioctl (SIOCAIFADDR): File exists");
        }
        return of(1, "ifconfig: ioctl (SIOCSIFFLAGS): Device busy");
    }
}
