package org.vmbhyve.network;

import java.util.List;
import java.util.Optional;
import org.vmbhyve.error.VmException;
import org.vmbhyve.host.IfconfigListing;
import org.vmbhyve.host.ProcessResult;

/**
 * A bridge whose uplink is a VXLAN interface ({@code vxlanVNI}) on a multicast group derived
 * from the switch name, over the given physical interface.
 */
public record VxlanSwitch(String name, SwitchEnv env) implements Switch {

    @Override
    public String type() {
        return "vxlan";
    }

    @Override
    public void create(SwitchOptions o) {
        if (o.iface().isEmpty() || o.vlan().isEmpty()) {
            throw new VmException("vxlan switches must be created with an interface and vlan id specified");
        }
        env.addToList("switch_list", name);
        env.set("type_" + name, "vxlan");
        env.set("vlan_" + name, o.vlan());
        env.set("ports_" + name, o.iface());
        if (!o.address().isEmpty()) {
            env.set("addr_" + name, o.address());
        }
        if (o.privateMode()) {
            env.set("private_" + name, "yes");
        }
        // upstream saves the switch, then exits 1 without a word when it cannot be brought up
        String failure = bringUp();
        if (failure != null) {
            throw new VmException(failure);
        }
    }

    /** At boot a switch that cannot come up yet (its uplink has no IPv4 address) stays down quietly. */
    @Override
    public void init() {
        try {
            bringUp();
        } catch (VmException e) {
            // stays down quietly, as upstream's does; vm doctor's switch check reports it
        }
    }

    /** Brings the switch up unless it is; null when it is up, else why it could not be. */
    private String bringUp() {
        if (id().isPresent()) {
            return null;
        }
        String vni = env.setting("vlan_" + name);
        String uplink = env.setting("ports_" + name);
        if (vni.isEmpty() || uplink.isEmpty()) {
            return "vxlan switches must be created with an interface and vlan id specified";
        }
        // upstream reads the address with a bare ifconfig, so a missing uplink's complaint shows
        ProcessResult shown = env.ifconfig().show(uplink);
        IfconfigListing.Interface listed = IfconfigListing.first(shown.stdout());
        if (!shown.ok() || listed == null) {
            return "failed to create vxlan interface for switch " + name + ": " + uplink + " does not exist";
        }
        if (listed.inet().isEmpty()) {
            return "failed to create vxlan interface for switch " + name + ": " + uplink + " has no IPv4 address";
        }
        String local = listed.inet().get(0).address();
        String group = multicastGroup(name);
        String vxlan = "vxlan" + vni;
        env.change("failed to create vxlan interface for switch " + name, List.of(vxlan, "destroy"),
                vxlan, "create", "vxlanid", vni, "vxlanlocal", local, "vxlangroup", group,
                "vxlandev", uplink, "descr", "vm-vxlan/" + name, "group", "vm-vlan", "up");
        String id = env.createBridge(name);
        env.change("failed to add member " + vxlan + " to the virtual switch " + name, List.of(id, "deletem", vxlan),
                id, "addm", vxlan);
        ProcessResult routed = env.runner().run("route", "add", "-net", group + "/32", "-iface", uplink);
        if (!routed.ok()) {
            throw VmException.afterTool(routed.stderr(), "unable to route " + group + " through " + uplink);
        }
        env.undo().add("route del -net " + group + "/32", () -> env.runner().run("route", "del", "-net", group + "/32").ok());
        String addr = env.setting("addr_" + name);
        if (!addr.isEmpty()) {
            env.change("unable to assign " + addr + " to switch " + name, null, id, "inet", addr);
        }
        return null;
    }

    @Override
    public Optional<String> id() {
        return env.find(name);
    }

    @Override
    public SwitchRow row() {
        return SwitchRow.of(this, env, id().orElse(null), env.system().get("private_" + name, "no"), false);
    }

    @Override
    public boolean remove() {
        Optional<String> id = id();
        String vni = env.setting("vlan_" + name);
        if (id.isEmpty() || vni.isEmpty()) {
            return false;
        }
        env.runner().run("route", "del", "-net", multicastGroup(name) + "/32");
        env.change("failed to remove virtual switch", null, id.get(), "destroy");
        env.change("failed to remove virtual switch " + name + "'s vxlan" + vni, null, "vxlan" + vni, "destroy");
        return true;
    }

    @Override
    public void addMember(String iface) {
        throw new VmException("vxlan interface must be configured at creation time");
    }

    @Override
    public void removeMember(String iface) {
        throw new VmException("vxlan interface must be configured at creation time");
    }

    @Override
    public void vlan(int vlan) {
        throw new VmException("vxlan id can only be set at creation time");
    }

    /** 239.x.y.z from the first three bytes of the name's MD5. */
    static String multicastGroup(String name) {
        String hash = Md5.hex(name);
        return "239." + Integer.parseInt(hash.substring(0, 2), 16) + "." + Integer.parseInt(hash.substring(2, 4), 16)
                + "." + Integer.parseInt(hash.substring(4, 6), 16);
    }
}
