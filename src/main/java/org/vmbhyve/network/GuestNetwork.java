package org.vmbhyve.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.vmbhyve.config.Chars;
import org.vmbhyve.config.SystemConfig;
import org.vmbhyve.config.YesNo;
import org.vmbhyve.host.Ifconfig;
import org.vmbhyve.host.IfconfigListing;
import org.vmbhyve.host.ProcessRunner;

/**
 * Connects a starting guest's interfaces to their switches ({@code switch::provision}): a tap
 * per interface joined to the switch's bridge, or a vale port or netgraph hook, with upstream's
 * ifconfig calls and log lines; and removes the taps when the guest stops.
 */
public final class GuestNetwork {

    /** What one interface got: the name bhyve attaches to, and whether vm made (and must destroy) it. */
    public record Attachment(String backend, boolean created) {
    }

    private final Switches switches;
    private final SystemConfig system;
    private final Ifconfig ifconfig;

    public GuestNetwork(SystemConfig system, ProcessRunner runner) {
        this.switches = new Switches(system, runner);
        this.system = system;
        this.ifconfig = new Ifconfig(runner);
    }

    /** The interface's attachment, or empty when none could be made (bhyve then gets no device). */
    public Optional<Attachment> attach(GuestInterface nic, Consumer<String> log, Consumer<String> warn) {
        if (nic.switchName().isEmpty()) {
            warn.accept("unable to configure interface " + nic.number());
            return Optional.empty();
        }
        String type = system.get("type_" + nic.switchName(), "standard");
        return switch (type) {
            case "vale" -> {
                String id = "vale" + Md5.hex(nic.switchName()).substring(0, 5)
                        + (nic.mac().isEmpty() ? "" : ":" + Md5.hex(nic.mac()).substring(0, 5));
                // KEEP: upstream logs an unset variable here, hence the double space
                log.accept("adding vale interface  (" + nic.switchName() + ")");
                yield Optional.of(new Attachment(id, false));
            }
            case "netgraph" -> {
                String id = switches.get(nic.switchName()).id().orElseThrow();
                log.accept("adding netgraph interface " + id + " (" + nic.switchName() + ")");
                yield Optional.of(new Attachment(id, false));
            }
            case "standard", "manual", "vxlan" -> tap(nic, log);
            default -> {
                warn.accept("unable to configure interface " + nic.number());
                yield Optional.empty();
            }
        };
    }

    private Optional<Attachment> tap(GuestInterface nic, Consumer<String> log) {
        String tap;
        if (!nic.device().isEmpty()) {
            tap = nic.device();
        } else if (!nic.hostName().isEmpty()) {
            tap = ifconfig.show("tap", "create", "name", nic.hostName()).firstLine().trim();
        } else {
            tap = ifconfig.show("tap", "create").firstLine().trim();
        }
        if (tap.isEmpty()) {
            return Optional.empty();
        }
        log.accept("initialising network device " + tap);
        ifconfig.run(tap, "descr", "vmnet/" + nic.guest() + "/" + nic.number() + "/" + nic.switchName(),
                "group", "vm-port");
        Optional<String> bridge = switches.get(nic.switchName()).id();
        if (bridge.isEmpty()) {
            log.accept("failed to find virtual switch '" + nic.switchName() + "'");
        } else {
            join(nic, tap, bridge.get(), log);
        }
        return Optional.of(new Attachment(tap, nic.device().isEmpty()));
    }

    private void join(GuestInterface nic, String tap, String bridge, Consumer<String> log) {
        String how = nic.span() ? "span" : "addm";
        IfconfigListing.Interface listed = IfconfigListing.first(ifconfig.show(bridge).stdout());
        String mtu = listed == null || listed.mtu() < 0 ? "1500" : String.valueOf(listed.mtu());
        if (!mtu.equals("1500")) {
            log.accept("setting mtu of " + tap + " to " + mtu);
            ifconfig.run(tap, "mtu", mtu);
        }
        String what = tap + " -> " + bridge + " (" + nic.switchName() + " " + how + ")";
        log.accept("adding " + what);
        if (!ifconfig.run(bridge, how, tap).ok()) {
            log.accept("failed to add " + tap + " to " + bridge);
        }
        log.accept("bring up " + what);
        if (!ifconfig.run(tap, "up").ok()) {
            log.accept("failed to bring up " + tap + " in " + bridge);
        }
        if (YesNo.isTrue(system.value("private_" + nic.switchName()))) {
            ifconfig.run(bridge, "private", tap);
        }
    }

    /**
     * The taps in vm's port group whose description names the guest: what a supervisor that
     * was killed before its clean-up left behind.
     */
    public List<String> tapsOf(String guest) {
        // a probe of vm's own (upstream has none), so its calls stay quiet
        List<String> taps = new ArrayList<>();
        for (String tap : Chars.words(ifconfig.group("vm-port"))) {
            IfconfigListing.Interface listed = IfconfigListing.first(ifconfig.run(tap).stdout());
            if (listed != null && listed.description() != null
                    && listed.description().startsWith("vmnet/" + guest + "/")) {
                taps.add(tap);
            }
        }
        return taps;
    }

    /** Destroys a tap vm created for a guest; ifconfig's complaint shows, as upstream's (vm-run). */
    public void destroy(String tap) {
        ifconfig.show(tap, "destroy");
    }

    /**
     * One {@code networkN_*} group of a guest's config.
     *
     * @param device an existing interface to use ({@code networkN_device}), or ""
     * @param hostName the name to give the new tap ({@code networkN_name}), or ""
     */
    public record GuestInterface(String guest, int number, String switchName, String mac, String device,
                                 String hostName, boolean span) {
    }
}
