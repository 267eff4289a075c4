package org.vmbhyve.info;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vmbhyve.config.Chars;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.config.Size;
import org.vmbhyve.config.TextFile;
import org.vmbhyve.core.TextTable;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestState;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.guest.RunningGuests;
import org.vmbhyve.guest.Tags;
import org.vmbhyve.host.PsStats;

/** Builds the rows of {@code vm list} from one process listing and each guest's config. */
public final class GuestLister {

    /**
     * @param tag only guests carrying this whole tag, when present
     * @param addresses whether running guests' addresses are looked up (for {@code --json}: the
     *     table has no column for them, so it asks the host nothing more)
     */
    public record Options(boolean runningOnly, boolean verbose, Optional<String> tag, boolean addresses) {
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
        NicAddresses nicAddresses = options.addresses() ? new NicAddresses(vm) : null;
        for (Guest guest : guests.all()) {
            Optional<Path> unreadable = guest.unreadable();
            if (unreadable.isPresent()) {
                vm.ui().warn(unreadableMessage(guest, unreadable.get()));
            }
            ConfigValues config = unreadable.isPresent() ? ConfigValues.empty() : guest.config();
            List<String> tags = Tags.split(config.value(GuestKey.TAGS));
            if (options.tag().isPresent() && !tags.contains(options.tag().get())) {
                continue;
            }
            GuestState state = guests.state(guest, running);
            if (options.runningOnly()
                    && (state.kind() == GuestState.Kind.STOPPED || state.kind() == GuestState.Kind.SUSPENDED)) {
                continue;
            }
            String vnc = null;
            if ((state.active() || ownLock(guest)) && config.yesno(GuestKey.GRAPHICS)) {
                vnc = consoleValue(guest, "vnc").orElse(null);
            }
            BigDecimal pcpu = null;
            Long resident = null;
            String uptime = null;
            if (options.verbose() && state.active()) {
                PsStats ps = PsStats.parse(vm.runner()
                        .runShowingErrors("ps", "-o%cpu=", "-orss=", "-oetime=", "-p", String.valueOf(state.pid())).stdout());
                if (ps != null) {
                    pcpu = ps.cpu();
                    resident = ps.rssKib() * 1024;
                    uptime = ps.etime();
                }
            }
            // upstream walks all of vm_list, so a name listed twice shows its last position
            int position = autostart.lastIndexOf(guest.name());
            String memory = config.value(GuestKey.MEMORY);
            String unknown = unreadable.isPresent() ? "-" : null;
            rows.add(new GuestRow(guest.name(), guest.datastore().name(),
                    unknown != null ? unknown : config.get(GuestKey.LOADER, "none"),
                    unknown != null ? unknown : config.value(GuestKey.CPU), unknown != null ? unknown : memory, Size.memory(memory).orElse(null), vnc,
                    position >= 0, position < 0 ? null : position + 1,
                    state.kind().name().toLowerCase(Locale.ROOT), state.pid(), state.lockHost(),
                    pcpu, resident, uptime, uptime == null ? null : PsStats.seconds(uptime), tags,
                    nicAddresses != null && state.active() ? nicAddresses.of(guest.name(), config) : null));
        }
        return rows;
    }

    /** The warning for a guest this user cannot read: its name and the path refused. */
    public static String unreadableMessage(Guest guest, Path refused) {
        return "unable to read virtual machine " + guest.name() + " (permission denied on " + refused + ")";
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
            String vnc = r.vnc() == null ? "-" : r.vnc();
            if (verbose) {
                table.row(r.name(), r.datastore(), r.loader(), r.cpu(), r.memory(), vnc, r.autoColumn(),
                        pad(5, r.pcpuColumn()), pad(8, r.rszColumn()), pad(14, r.uptimeColumn()), r.stateColumn(),
                        r.tagsColumn());
            } else {
                table.row(r.name(), r.datastore(), r.loader(), r.cpu(), r.memory(), vnc, r.autoColumn(),
                        r.stateColumn(), r.tagsColumn());
            }
        }
        return table.render();
    }

    private boolean ownLock(Guest guest) {
        Optional<String> host = guests.lockHost(guest);
        return host.isPresent() && host.get().equals(vm.host().hostname());
    }

    /** A {@code key=value} line of the guest's {@code console} file ({@code vnc=...}). */
    static Optional<String> consoleValue(Guest guest, String key) {
        try {
            for (String line : TextFile.lines(guest.dir().resolve("console"))) {
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

    /** {@code printf "%Ns"}: right-aligned, never cut. */
    private static String pad(int width, String value) {
        return Chars.rightAligned(value, width, ' ');
    }
}
