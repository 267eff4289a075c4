package org.vmbhyve.network;

import java.util.List;
import java.util.Optional;
import org.vmbhyve.error.VmException;

/** A bridge the admin made (rc.conf); vm only tags it and attaches guests to it. */
public record ManualSwitch(String name, SwitchEnv env) implements Switch {

    private static final String RC_CONF_ONLY = "manual switches and member interfaces should be configured using /etc/rc.conf";

    @Override
    public String type() {
        return "manual";
    }

    @Override
    public void create(SwitchOptions o) {
        if (o.bridge().isEmpty()) {
            throw new VmException("you must specify a bridge to import when creating a manual switch");
        }
        var listed = env.ifconfig().run(o.bridge());
        if (!listed.ok()) {
            // a missing bridge is the refusal itself; any other failure says why first
            throw VmException.afterTool(listed.stderr().contains("does not exist") ? "" : listed.stderr(),
                    o.bridge() + " does not appear to be a valid existing bridge");
        }
        env.addToList("switch_list", name);
        env.set("type_" + name, "manual");
        env.set("bridge_" + name, o.bridge());
        if (o.privateMode()) {
            env.set("private_" + name, "yes");
        }
        adopt(o.bridge());
    }

    @Override
    public void init() {
        String bridge = env.setting("bridge_" + name);
        if (!bridge.isEmpty()) {
            adopt(bridge);
        }
    }

    private void adopt(String bridge) {
        // whether it was up before is unknown: it stays up
        env.change("unable to adopt " + bridge + " as switch " + name, List.of(bridge, "-group", "vm-switch"),
                bridge, "group", "vm-switch", "up");
        env.markViid(name, bridge);
    }

    @Override
    public Optional<String> id() {
        String bridge = env.setting("bridge_" + name);
        return bridge.isEmpty() ? Optional.empty() : Optional.of(bridge);
    }

    @Override
    public SwitchRow row() {
        String bridge = env.setting("bridge_" + name);
        return SwitchRow.of(this, env, bridge.isEmpty() ? null : bridge, env.system().get("private_" + name, "no"), false);
    }

    /** Only the marks vm added come off: the bridge is the admin's and is never destroyed. */
    @Override
    public boolean remove() {
        id().ifPresent(bridge -> env.change("failed to remove virtual switch", null, bridge, "-descr", "-group", "vm-switch"));
        return true;
    }

    @Override
    public void addMember(String iface) {
        throw new VmException(RC_CONF_ONLY);
    }

    @Override
    public void removeMember(String iface) {
        throw new VmException(RC_CONF_ONLY);
    }

    @Override
    public void vlan(int vlan) {
        throw new VmException(RC_CONF_ONLY);
    }
}
