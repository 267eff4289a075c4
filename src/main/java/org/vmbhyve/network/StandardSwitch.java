package org.vmbhyve.network;

import java.util.List;
import java.util.Optional;
import org.vmbhyve.error.QuietExit;
import org.vmbhyve.core.Ui;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.Tags;

/**
 * A bridge ({@code vm-NAME}) with optional uplink ports, each optionally through a VLAN
 * interface ({@code PORT.VLAN}), an MTU and IPv4/IPv6 addresses.
 */
public record StandardSwitch(String name, SwitchEnv env) implements Switch {

    @Override
    public String type() {
        return "standard";
    }

    @Override
    public void create(SwitchOptions o) {
        env.addToList("switch_list", name);
        env.set("type_" + name, "standard");
        setIfGiven("ports_", o.iface());
        setIfGiven("vlan_", o.vlan());
        if (o.privateMode()) {
            env.set("private_" + name, "yes");
        }
        setIfGiven("mtu_", o.mtu());
        if (!o.address().isEmpty()) {
            env.set((o.address().contains(":") ? "addr6_" : "addr_") + name, o.address());
        }
        init();
    }

    @Override
    public void init() {
        if (id().isPresent()) {
            return;
        }
        String id = env.createBridge(name);
        String addr = env.setting("addr_" + name);
        if (!addr.isEmpty()) {
            env.change("unable to assign " + addr + " to switch " + name, null, id, "inet", addr);
        }
        String addr6 = env.setting("addr6_" + name);
        if (!addr6.isEmpty()) {
            env.change("unable to assign " + addr6 + " to switch " + name, null, id, "inet6", addr6, "auto_linklocal");
        }
        String mtu = env.setting("mtu_" + name);
        if (!mtu.isEmpty()) {
            env.change("unable to set the mtu of switch " + name, null, id, "mtu", mtu);
        }
        addMembers(id);
    }

    @Override
    public Optional<String> id() {
        return env.find(name);
    }

    @Override
    public SwitchRow row() {
        return SwitchRow.of(this, env, id().orElse(null), env.system().get("private_" + name, "no"), true);
    }

    @Override
    public boolean remove() {
        Optional<String> id = id();
        if (id.isEmpty()) {
            return false;
        }
        removeMembers(id.get());
        env.change("failed to remove virtual switch", null, id.get(), "destroy");
        env.undo().add("vm init (to make " + id.get() + " again)", new Remake(this));
        return true;
    }

    @Override
    public void addMember(String iface) {
        String id = id().orElseThrow(() -> new VmException("unable to locate switch id"));
        configurePort(id, iface, env.setting("vlan_" + name), env.setting("mtu_" + name));
        env.addToList("ports_" + name, iface);
    }

    @Override
    public void removeMember(String iface) {
        String id = id().orElseThrow(() -> new VmException("unable to locate switch id"));
        env.removeFromList("ports_" + name, iface);
        unconfigurePort(id, iface, env.setting("vlan_" + name));
    }

    @Override
    public void vlan(int vlan) {
        String id = id().orElseThrow(() -> new VmException("unable to locate switch id"));
        removeMembers(id);
        if (vlan == 0) {
            env.delete("vlan_" + name);
        } else {
            env.set("vlan_" + name, String.valueOf(vlan));
        }
        addMembers(id);
    }

    /**
     * {@code vm switch address}: sets an IPv4 or IPv6 address (one of each), removes one
     * ({@code delete}) or all ({@code none}).
     */
    public void address(String id, String addr, boolean delete, Ui ui) {
        String current = env.setting("addr_" + name);
        String current6 = env.setting("addr6_" + name);
        if (delete) {
            if (addr.equals(current)) {
                env.delete("addr_" + name);
                env.change("unable to remove " + current + " from switch " + name, List.of(id, "inet", current), id, "inet", current, "delete");
            } else if (addr.equals(current6)) {
                env.delete("addr6_" + name);
                env.change("unable to remove " + current6 + " from switch " + name, List.of(id, "inet6", current6), id, "inet6", current6, "delete");
            } else {
                throw new VmException("specified address " + addr + " is not assigned to this switch");
            }
            return;
        }
        if (addr.equals("none")) {
            if (current.isEmpty() && current6.isEmpty()) {
                throw new VmException("unable to locate an existing address for this switch");
            }
            if (!current.isEmpty()) {
                env.delete("addr_" + name);
                env.change("unable to remove " + current + " from switch " + name, List.of(id, "inet", current), id, "inet", current, "delete");
            }
            if (!current6.isEmpty()) {
                env.delete("addr6_" + name);
                env.change("unable to remove " + current6 + " from switch " + name, List.of(id, "inet6", current6), id, "inet6", current6, "delete");
            }
            return;
        }
        boolean v6 = addr.contains(":");
        String existing = v6 ? current6 : current;
        if (existing.equals(addr)) {
            throw new VmException("The specified IP address is already assigned to this switch.");
        }
        if (!existing.isEmpty() && !ui.confirm("This switch already has " + existing + " assigned, replace it?")) {
            throw new QuietExit(0);
        }
        if (v6) {
            env.set("addr6_" + name, addr);
            env.change("unable to assign " + addr + " to switch " + name, List.of(id, "inet6", addr, "delete"), id, "inet6", addr, "auto_linklocal");
            if (!existing.isEmpty()) {
                env.change("unable to remove " + existing + " from switch " + name, List.of(id, "inet6", existing), id, "inet6", existing, "delete");
            }
        } else {
            env.set("addr_" + name, addr);
            env.change("unable to assign " + addr + " to switch " + name, List.of(id, "inet", addr, "delete"), id, "inet", addr);
        }
    }

    private void addMembers(String id) {
        String vlan = env.setting("vlan_" + name);
        String mtu = env.setting("mtu_" + name);
        for (String port : Tags.split(env.setting("ports_" + name))) {
            configurePort(id, port, vlan, mtu);
        }
    }

    private void removeMembers(String id) {
        String vlan = env.setting("vlan_" + name);
        for (String port : Tags.split(env.setting("ports_" + name))) {
            unconfigurePort(id, port, vlan);
        }
    }

    /** Adds an uplink to the bridge, through its VLAN interface when the switch has a VLAN. */
    private void configurePort(String id, String port, String vlan, String mtu) {
        if (!mtu.isEmpty()) {
            // not undone: its former mtu is unknown, and reading it would add a call to every run
            env.change("unable to set the mtu of " + port + " to " + mtu, null, port, "mtu", mtu);
        }
        String member = port;
        if (!vlan.isEmpty()) {
            String vname = port + "." + vlan;
            String viface = env.find(vname).orElse(null);
            if (viface == null) {
                var created = env.ifconfig().run("vlan", "create", "vlandev", port, "vlan", vlan,
                        "descr", "vm-vlan/" + name + "/" + vname, "name", vname, "group", "vm-vlan", "up");
                if (!created.ok()) {
                    throw VmException.afterTool(created.stderr(),
                            "failed to create vlan interface for port " + port + " on switch " + name);
                }
                viface = created.firstLine().trim();
                String made = viface;
                env.undo().add("ifconfig " + made + " destroy", new SwitchEnv.IfconfigStep(env.ifconfig(), List.of(made, "destroy")));
            }
            env.markViid(vname, viface);
            member = viface;
        }
        env.change("failed to add member " + port + " to the virtual switch " + name, List.of(id, "deletem", member),
                id, "addm", member);
    }

    /** Takes an uplink out: its VLAN interface is destroyed, a plain port is removed. */
    private void unconfigurePort(String id, String port, String vlan) {
        if (!vlan.isEmpty()) {
            String vname = port + "." + vlan;
            Optional<String> vid = env.find(vname);
            if (vid.isPresent()) {
                env.change("failed to remove member " + port + " from the virtual switch " + name, null, vid.get(), "destroy");
                env.undo().add("ifconfig vlan create vlandev " + port + " vlan " + vlan + " name " + vname,
                        () -> remakeVlanPort(id, port, vlan));
            }
        } else {
            env.change("failed to remove member " + port + " from the virtual switch " + name, List.of(id, "addm", port),
                    id, "deletem", port);
        }
    }

    /** Undoes the destruction of a VLAN port: the interface again, tagged and on the bridge. */
    private boolean remakeVlanPort(String id, String port, String vlan) {
        String vname = port + "." + vlan;
        var created = env.ifconfig().run("vlan", "create", "vlandev", port, "vlan", vlan,
                "descr", "vm-vlan/" + name + "/" + vname, "name", vname, "group", "vm-vlan", "up");
        String viface = created.firstLine().trim();
        return created.ok() && env.ifconfig().run(viface, "group", Viid.of(vname)).ok()
                && env.ifconfig().run(id, "addm", viface).ok();
    }

    /** The undo of a destroyed bridge: the switch brought up again from its settings. */
    private record Remake(StandardSwitch sw) implements java.util.function.BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            try {
                sw.init();
                return true;
            } catch (VmException e) {
                return false;
            }
        }
    }

    private void setIfGiven(String prefix, String value) {
        if (!value.isEmpty()) {
            env.set(prefix + name, value);
        }
    }
}
