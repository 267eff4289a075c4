package org.vmbhyve.supervise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.TextFile;
import org.vmbhyve.config.FileMode;
import org.vmbhyve.error.VmException;
import org.vmbhyve.run.GuestMachine;
import org.vmbhyve.run.GuestNic;

/**
 * What one step of a detached run leaves the next ({@link RunStep}): the run's
 * {@link GuestMachine.Facts} and the number of the last boot, as {@code key=value} lines in the
 * run-time directory. Values never hold a newline (a config file is made of lines), so a line is
 * one value; NIC fields are split by TABs, which no backend name or MAC holds.
 */
record RunState(int run, GuestMachine.Facts facts) {

    void write(Path file) {
        GuestMachine.Facts f = facts;
        StringBuilder text = new StringBuilder();
        text.append("run=").append(run).append('\n');
        text.append("cpu=").append(f.cpu()).append('\n');
        if (f.bootrom() != null) {
            text.append("bootrom=").append(f.bootrom()).append('\n');
        }
        if (f.vncPort() != null) {
            text.append("vnc=").append(f.vncPort()).append('\n');
        }
        text.append("foreground=").append(f.foreground()).append('\n');
        text.append("tmux=").append(f.tmux()).append('\n');
        for (String tap : f.taps()) {
            text.append("tap=").append(tap).append('\n');
        }
        for (GuestNic nic : f.nics()) {
            text.append("nic=").append(nic.emulation()).append('\t').append(nic.backend() == null ? "" : nic.backend())
                    .append('\t').append(nic.mac()).append('\n');
        }
        for (String line : f.config().split("\n")) {
            if (!line.isEmpty()) {
                text.append("config=").append(line).append('\n');
            }
        }
        replace(file, text.toString());
    }

    /**
     * Replaces a run-time file in one rename, without syncing it to disk: it means nothing after
     * a reboot (which empties the run-time directory), and a sync can cost a reboot of the guest
     * tens of milliseconds on a busy disk. Root's alone (0600): bhyve's argv may hold a VNC password.
     */
    static void replace(Path file, String text) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            FileMode.PRIVATE_FILE.write(tmp, text);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new VmException("unable to write " + file);
        }
    }

    /** The state an earlier step wrote; empty when there is none (that step died before writing it). */
    static Optional<RunState> read(Path file) {
        List<String> lines;
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            lines = TextFile.lines(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        int run = 0;
        String cpu = "";
        String bootrom = null;
        Integer vnc = null;
        boolean foreground = false;
        boolean tmux = false;
        List<String> taps = new ArrayList<>();
        List<GuestNic> nics = new ArrayList<>();
        StringBuilder config = new StringBuilder();
        for (String line : lines) {
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            String value = eq < 0 ? "" : line.substring(eq + 1);
            switch (key) {
                case "run" -> run = Integer.parseInt(value);
                case "cpu" -> cpu = value;
                case "bootrom" -> bootrom = value;
                case "vnc" -> vnc = Integer.valueOf(value);
                case "foreground" -> foreground = Boolean.parseBoolean(value);
                case "tmux" -> tmux = Boolean.parseBoolean(value);
                case "tap" -> taps.add(value);
                case "nic" -> {
                    String[] f = value.split("\t", -1);
                    nics.add(new GuestNic(f[0], f[1].isEmpty() ? null : f[1], f[2]));
                }
                case "config" -> config.append(value).append('\n');
                default -> { }
            }
        }
        return Optional.of(new RunState(run, new GuestMachine.Facts(config.toString(), cpu, bootrom, vnc,
                List.copyOf(nics), List.copyOf(taps), foreground, tmux)));
    }
}
