package org.vmbhyve.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.Chars;
import org.vmbhyve.config.SystemConfig;
import org.vmbhyve.config.YesNo;
import org.vmbhyve.core.Ui;
import org.vmbhyve.error.VmException;
import org.vmbhyve.config.GuestName;
import org.vmbhyve.host.Ifconfig;
import org.vmbhyve.host.ProcessRunner;

/** The configured switches ({@code switch_list}) and the operations of {@code vm switch}. */
public final class Switches {

    /** The line pf.conf needs among its translation rules for NAT switches to work. */
    public static final String NAT_HOOK = SwitchNat.HOOK;
    /** The anchors of NAT switches, as the hook names them. */
    public static final String NAT_ANCHORS = SwitchNat.ANCHOR_PARENT + "/*";

    /** The DHCP leases of a NAT switch's dnsmasq, in {@code $vm_dir/.config}; absent without NAT. */
    public static Path leaseFile(SystemConfig system, String name) {
        return NatDhcp.file(system.directory(), name, "leases");
    }

    private final SwitchEnv env;
    private final SwitchNat nat;

    public Switches(SystemConfig system, ProcessRunner runner) {
        this.env = new SwitchEnv(system, new Ifconfig(runner), runner, new org.vmbhyve.error.UndoLog());
        this.nat = new SwitchNat(env);
    }

    public List<String> names() {
        return env.names();
    }

    /** The stored type, "" when the switch has none (upstream then refuses some operations). */
    public String storedType(String name) {
        return env.setting("type_" + name);
    }

    /** The switch, as the type it is stored with (no or an unknown type reads as standard). */
    public Switch get(String name) {
        Optional<Switch> stored = of(storedType(name), name);
        return stored.isPresent() ? stored.get() : new StandardSwitch(name, env);
    }

    private Optional<Switch> of(String type, String name) {
        return Optional.ofNullable(switch (type) {
            case "standard" -> new StandardSwitch(name, env);
            case "manual" -> new ManualSwitch(name, env);
            case "vale" -> new ValeSwitch(name, env);
            case "netgraph" -> new NetgraphSwitch(name, env);
            case "vxlan" -> new VxlanSwitch(name, env);
            default -> null;
        });
    }

    /** {@code vm init}: brings every configured switch up, then the NAT of those that had it. */
    public void initAll(Ui ui) {
        for (String name : names()) {
            // a switch that cannot come up leaves no half-made bridge behind
            try {
                get(name).init();
                env.done();
            } catch (RuntimeException e) {
                throw env.failed(e);
            }
        }
        for (String name : names()) {
            if (nat.isOn(name)) {
                nat.restore(name, false, ui);
            }
        }
    }

    public List<SwitchRow> rows() {
        List<SwitchRow> rows = new ArrayList<>();
        for (String name : names()) {
            rows.add(get(name).row());
        }
        return rows;
    }

    /** {@code vm switch create}, with upstream's checks in upstream's order. */
    public void create(String type, String name, SwitchOptions options) {
        if (!GuestName.isValid(name)) {
            throw new VmException("invalid switch name - '" + name + "'");
        }
        if (names().contains(name)) {
            throw new VmException("switch " + name + " already exists");
        }
        if (!options.vlan().isEmpty()) {
            checkVlan(options.vlan());
        }
        if (!options.address().isEmpty() && !Cidr.isValid(options.address())) {
            throw new VmException("address must be supplied in CIDR notation (e.g. 192.0.2.1/24, 3fff::1/64)");
        }
        if (!options.mtu().isEmpty()
                && (!isNumber(options.mtu(), 3, 4) || Integer.parseInt(options.mtu()) > 9000)) {
            throw new VmException("invalid mtu");
        }
        Switch sw = required(type, name, "invalid switch type - '" + type + "'");
        env.begin();
        try {
            sw.create(options);
            env.done();
        } catch (RuntimeException e) {
            throw env.failed(e);
        }
    }

    /** {@code vm switch import NAME BRIDGE}: a manual switch, as {@code create -t manual -b BRIDGE NAME}. */
    public void importBridge(String name, String bridge) {
        create("manual", name, new SwitchOptions("", "", bridge, "", "", false));
    }

    /** {@code vm switch destroy}: host side first (NAT included), then every setting of the switch. */
    public void destroy(String name) {
        Switch sw = required(storedType(name), name, "unable to remove switch of unknown type");
        env.begin();
        try {
            if (!sw.remove()) {
                throw new VmException("failed to remove virtual switch");
            }
            nat.offIfOn(name);
            env.removeFromList("switch_list", name);
            for (String key : List.of("ports_", "vlan_", "nat_", "type_", "addr_", "addr6_", "private_", "mtu_")) {
                env.delete(key + name);
            }
            env.done();
        } catch (RuntimeException e) {
            throw env.failed(e);
        }
    }

    public void addMember(String name, String iface) {
        Switch sw = known(name);
        env.begin();
        try {
            sw.addMember(iface);
            env.done();
        } catch (RuntimeException e) {
            throw env.failed(e);
        }
    }

    public void removeMember(String name, String iface) {
        Switch sw = known(name);
        env.begin();
        try {
            sw.removeMember(iface);
            env.done();
        } catch (RuntimeException e) {
            throw env.failed(e);
        }
    }

    public void vlan(String name, String vlan) {
        Switch sw = get(name);
        if (sw.id().isEmpty()) {
            throw new VmException("unable to locate specified virtual switch");
        }
        checkVlan(vlan);
        env.begin();
        try {
            sw.vlan(Integer.parseInt(vlan));
            env.done();
        } catch (RuntimeException e) {
            throw env.failed(e);
        }
    }

    /** {@code vm switch private NAME on|off}: any yes-ish word turns it on. */
    public void setPrivate(String name, String value) {
        if (!storedType(name).isEmpty() && of(storedType(name), name).isEmpty()) {
            throw new VmException("unable to configure switch of unknown type");
        }
        Switch sw = get(name);
        if (sw instanceof NetgraphSwitch) {
            throw new VmException("unable to configure private mode on netgraph switches");
        }
        if (sw instanceof ValeSwitch) {
            throw new VmException("unable to configure private mode on vale switches");
        }
        env.set("private_" + name, YesNo.isTrue(value) ? "yes" : "no");
    }

    public void address(String name, String addr, boolean delete, Ui ui) {
        Switch sw = get(name);
        Optional<String> id = sw.id();
        if (id.isEmpty()) {
            throw new VmException("unable to locate specified virtual switch");
        }
        if (!addr.isEmpty() && !addr.equals("none") && !Cidr.isValid(addr)) {
            throw new VmException("address must be supplied in cidr notation (e.g. 192.0.2.1/24, 3fff::1/64)");
        }
        if (!(sw instanceof StandardSwitch standard)) {
            throw new VmException("feature not currently supported on switches of this type");
        }
        String before = env.setting("addr_" + name);
        env.begin();
        try {
            // NAT needs the IPv4 address: it goes before the address does, and follows a new one
            if (!before.isEmpty() && (addr.equals("none") || delete && addr.equals(before))) {
                nat.offIfOn(name);
            }
            standard.address(id.get(), addr, delete, ui);
            if (nat.isOn(name) && !env.setting("addr_" + name).equals(before)) {
                nat.restore(name, true, ui);
            }
            env.done();
        } catch (RuntimeException e) {
            throw env.failed(e);
        }
    }

    /** {@code vm switch nat NAME on}. */
    public void natOn(String name) {
        nat.on(name);
    }

    /** {@code vm switch nat NAME off}. */
    public void natOff(String name) {
        nat.off(name);
    }

    /** For {@code vm switch info}: whether the switch has NAT, and the range its DHCP hands out. */
    public NatStatus natStatus(String name) {
        return new NatStatus(nat.isOn(name), nat.dhcpRange(name));
    }

    private Switch known(String name) {
        return required(storedType(name), name, "unable to configure switch of unknown type");
    }

    /** The switch of a known type, or the error for an unknown one. */
    private Switch required(String type, String name, String errorIfUnknown) {
        Optional<Switch> sw = of(type, name);
        if (sw.isEmpty()) {
            throw new VmException(errorIfUnknown);
        }
        return sw.get();
    }

    private static void checkVlan(String vlan) {
        if (!isNumber(vlan, 1, 4) || Integer.parseInt(vlan) >= 4095) {
            throw new VmException("invalid vlan number");
        }
    }

    /** {@code [0-9]{min,max}}. */
    private static boolean isNumber(String text, int min, int max) {
        return Chars.isDigits(text) && text.length() >= min && text.length() <= max;
    }
}
