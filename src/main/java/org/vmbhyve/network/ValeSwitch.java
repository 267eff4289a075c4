package org.vmbhyve.network;

import java.util.Optional;
import org.vmbhyve.error.VmException;

/** A netmap VALE switch: nothing on the host until a guest attaches as {@code valeXXXXX:port}. */
public record ValeSwitch(String name, SwitchEnv env) implements Switch {

    @Override
    public String type() {
        return "vale";
    }

    @Override
    public void create(SwitchOptions o) {
        env.addToList("switch_list", name);
        env.set("type_" + name, "vale");
    }

    @Override
    public void init() {
        // VALE switches exist as soon as a port attaches
    }

    @Override
    public Optional<String> id() {
        return Optional.of("vale" + Md5.hex(name).substring(0, 5));
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
        throw new VmException("physical interfaces must be added to the vale switch manually");
    }

    @Override
    public void removeMember(String iface) {
        throw new VmException("physical interfaces must be removed from the vale switch manually");
    }

    @Override
    public void vlan(int vlan) {
        throw new VmException("vlan support is not currently implemented for vale switches");
    }
}
