package org.vmbhyve.info;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestState;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.guest.RunningGuests;
import org.vmbhyve.guest.Tags;

/** Builds the rows of {@code vm list} from one process listing and each guest's config. */
public final class GuestLister {

    /** @param tag only guests carrying this whole tag, when present */
    public record Options(boolean runningOnly, boolean verbose, Optional<String> tag) {
    }

    private final VmContext vm;
    private final Guests guests;

    public GuestLister(VmContext vm, Guests guests) {
        this.vm = vm;
        this.guests = guests;
    }

    public List<GuestRow> list(Options options) {
        RunningGuests running = RunningGuests.scan(vm.runner());
        List<String> autostart = Tags.split(vm.rc().get("vm_list").orElse(""));
        List<GuestRow> rows = new ArrayList<>();
        for (Guest guest : guests.all()) {
            ConfigValues config = guest.config();
            List<String> tags = Tags.split(config.value("tags"));
            if (options.tag().isPresent() && !tags.contains(options.tag().get())) {
                continue;
            }
            GuestState state = guests.state(guest, running);
            if (options.runningOnly()
                    && (state.kind() == GuestState.Kind.STOPPED || state.kind() == GuestState.Kind.SUSPENDED)) {
                continue;
            }
            String vnc = "-";
            if ((state.active() || ownLock(guest)) && config.yesno("graphics")) {
                vnc = consoleValue(guest, "vnc").orElse("-");
            }
            String pcpu = "-";
            String rsz = "-";
            String uptime = "-";
            if (options.verbose() && state.active()) {
                String[] ps = vm.runner().run("ps", "-o%cpu=", "-orss=", "-oetime=", "-p", String.valueOf(state.pid()))
                        .stdout().trim().split("\\s+");
                if (ps.length >= 3) {
                    pcpu = ps[0];
                    rsz = rss(ps[1]);
                    uptime = ps[2].replaceFirst("-", "d ");
                }
            }
            // upstream walks all of vm_list, so a name listed twice shows its last position
            int position = autostart.lastIndexOf(guest.name());
            rows.add(new GuestRow(guest.name(), guest.datastore().name(), config.get("loader", "none"),
                    config.value("cpu"), config.value("memory"), vnc,
                    position < 0 ? "No" : "Yes [" + (position + 1) + "]",
                    pcpu, rsz, uptime, state.text(), tags));
        }
        return rows;
    }

    /** The table, column for column as upstream prints it. */
    public static String render(List<GuestRow> rows, boolean verbose) {
        TextTable table = new TextTable();
        if (verbose) {
            table.row("NAME", "DATASTORE", "LOADER", "CPU", "MEMORY", "VNC", "AUTO",
                    pad(5, "%CPU"), pad(8, "RSZ"), pad(14, "UPTIME"), "STATE", "TAGS");
        } else {
            table.row("NAME", "DATASTORE", "LOADER", "CPU", "MEMORY", "VNC", "AUTO", "STATE", "TAGS");
        }
        for (GuestRow r : rows) {
            if (verbose) {
                table.row(r.name(), r.datastore(), r.loader(), r.cpu(), r.memory(), r.vnc(), r.auto(),
                        pad(5, r.pcpu()), pad(8, r.rsz()), pad(14, r.uptime()), r.state(), r.tagsColumn());
            } else {
                table.row(r.name(), r.datastore(), r.loader(), r.cpu(), r.memory(), r.vnc(), r.auto(),
                        r.state(), r.tagsColumn());
            }
        }
        return table.render();
    }

    private boolean ownLock(Guest guest) {
        return guests.lockHost(guest).map(host -> host.equals(vm.host().hostname())).orElse(false);
    }

    /** A {@code key=value} line of the guest's {@code console} file ({@code vnc=...}). */
    static Optional<String> consoleValue(Guest guest, String key) {
        try {
            for (String line : Files.readAllLines(guest.dir().resolve("console"))) {
                if (line.startsWith(key)) {
                    String[] parts = line.split("=", -1);
                    return parts.length > 1 && !parts[1].isEmpty() ? Optional.of(parts[1]) : Optional.empty();
                }
            }
        } catch (IOException e) {
            // no console file: the guest has not been started by vm
        }
        return Optional.empty();
    }

    private static String rss(String kib) {
        try {
            return BytesHuman.format(new BigDecimal(kib), 1, 1);
        } catch (NumberFormatException e) {
            return kib;
        }
    }

    private static String pad(int width, String value) {
        return String.format("%" + width + "s", value);
    }
}
