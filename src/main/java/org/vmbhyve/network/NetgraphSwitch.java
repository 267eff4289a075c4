package org.vmbhyve.network;

import java.util.List;
import java.util.Optional;
import org.vmbhyve.error.VmException;

/** A netgraph bridge node the admin made; guests attach on the next free {@code link} hook. */
public record NetgraphSwitch(String name, SwitchEnv env) implements Switch {

    private static final int MAX_HOOKS = 4096;

    @Override
    public String type() {
        return "netgraph";
    }

    @Override
    public void create(SwitchOptions o) {
        env.addToList("switch_list", name);
        env.set("type_" + name, "netgraph");
    }

    @Override
    public void init() {
        // the node is the admin's; nothing to bring up
    }

    /**
     * The first hook from link2 up that {@code ngctl} reports no statistics for. Bounded, unlike
     * upstream's loop, so a misbehaving {@code ngctl} cannot hang the command.
     */
    @Override
    public Optional<String> id() {
        for (int hook = 2; hook < MAX_HOOKS; hook++) {
            if (!env.runner().run("ngctl", "msg", name + ":", "getstats", String.valueOf(hook)).ok()) {
                return Optional.of("netgraph,path=" + name + ":,peerhook=link" + hook);
            }
        }
        throw new VmException("no free link hook on netgraph switch " + name);
    }

    @Override
    public SwitchRow row() {
        return SwitchRow.of(this, env, id().orElseThrow(), null, false);
    }

    @Override
    public boolean remove() {
        return true;
    }

    @Override
    public void addMember(String iface) {
        throw new VmException("physical interfaces must be added to the netgraph switch manually");
    }

    @Override
    public void removeMember(String iface) {
        throw new VmException("physical interfaces must be removed from the netgraph switch manually");
    }

    @Override
    public void vlan(int vlan) {
        throw new VmException("vlan support is not currently implemented for netgraph switches");
    }
}
