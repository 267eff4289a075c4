package org.vmbhyve.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vmbhyve.config.AtomicFile;
import org.vmbhyve.core.Pause;
import org.vmbhyve.error.VmException;
import org.vmbhyve.host.ProcessResult;
import org.vmbhyve.host.ProcessRunner;

/**
 * The DHCP server of one NAT switch: a dnsmasq of its own, answering on the switch's bridge
 * only, with its configuration, pid and lease files in {@code $vm_dir/.config} (never the
 * admin's dnsmasq files). It is stopped through its pid file, and only if that pid is a dnsmasq.
 */
final class NatDhcp {

    /** How long a stopped dnsmasq may take to let go of its sockets before a new one starts. */
    private static final int STOP_WAIT_STEPS = 50;
    private static final long STOP_WAIT_MILLIS = 100;

    private final String name;
    private final Path dir;
    private final ProcessRunner runner;

    NatDhcp(String name, Path dir, ProcessRunner runner) {
        this.name = name;
        this.dir = dir;
        this.runner = runner;
    }

    /** dnsmasq is optional: without it NAT works and guests need static addresses. */
    boolean installed() {
        return runner.available("dnsmasq");
    }

    /** Whether this switch's DHCP is set up (its configuration file exists). */
    boolean configured() {
        return Files.exists(file("conf"));
    }

    boolean running() {
        return Files.exists(file("pid")) && runner.run(pgrep("pgrep")).ok();
    }

    /** Writes the configuration and starts dnsmasq, which forks and writes its pid file. */
    ProcessResult start(String bridge, DhcpRange range) {
        try {
            AtomicFile.write(file("conf"), configuration(bridge, range));
        } catch (IOException e) {
            return new ProcessResult(1, "", "unable to write " + file("conf") + ": " + e.getMessage());
        }
        return runner.run("dnsmasq", "--conf-file=" + file("conf"));
    }

    /**
     * Stops this switch's dnsmasq and waits for it to go. The pid file may be stale (a reboot),
     * so only a process of that pid named dnsmasq is signalled.
     */
    void stop() {
        if (running()) {
            ProcessResult killed = runner.run(pgrep("pkill"));
            if (!killed.ok()) {
                throw VmException.afterTool(killed.stderr(), "unable to stop the dnsmasq of switch " + name
                        + " (pkill -F " + file("pid") + " -x dnsmasq)");
            }
            for (int i = 0; i < STOP_WAIT_STEPS && running(); i++) {
                Pause.millis(STOP_WAIT_MILLIS);
            }
        }
        delete("pid");
    }

    /** Stops dnsmasq and removes every file it had. */
    void remove() {
        stop();
        delete("conf");
        delete("leases");
    }

    private String configuration(String bridge, DhcpRange range) {
        return "# DHCP for the guests of switch " + name + ", written by 'vm switch nat " + name + " on'.\n"
                + "# Removed by 'vm switch nat " + name + " off'; edits are lost at the next 'on'.\n"
                + "interface=" + bridge + "\n"
                + "except-interface=lo0\n"
                + "bind-interfaces\n"
                + "dhcp-range=" + range.first() + "," + range.last() + ",12h\n"
                + "dhcp-leasefile=" + file("leases") + "\n"
                + "pid-file=" + file("pid") + "\n";
    }

    /** {@code pgrep}/{@code pkill} of the pid in our pid file, matching only a process named dnsmasq. */
    private List<String> pgrep(String tool) {
        return List.of(tool, "-F", file("pid").toString(), "-x", "dnsmasq");
    }

    private Path file(String kind) {
        return file(dir, name, kind);
    }

    static Path file(Path dir, String name, String kind) {
        return dir.resolve("dnsmasq-" + name + "." + kind);
    }

    private void delete(String kind) {
        try {
            Files.deleteIfExists(file(kind));
        } catch (IOException e) {
            // a leftover file is rewritten by the next start
        }
    }
}
