package org.vmbhyve.network;

import java.util.List;
import java.util.Optional;

/**
 * A virtual switch of one of upstream's types. Its settings live in system.conf under
 * {@code <setting>_<name>} keys; its host side is a bridge, a vale or netgraph node, or
 * nothing until a guest starts.
 */
public sealed interface Switch permits StandardSwitch, ManualSwitch, ValeSwitch, NetgraphSwitch, VxlanSwitch {

    String name();

    /** The type name as stored in {@code type_<name>}. */
    String type();

    /** Writes the new switch's settings and brings it up. */
    void create(SwitchOptions options);

    /** Brings the switch up as at boot ({@code vm init}); nothing if it is up already. */
    void init();

    /** The interface or node guests attach to ({@code switch::id}). */
    Optional<String> id();

    /** This switch's row of {@code vm switch list}. */
    SwitchRow row();

    /** Tears down what the switch created; false when it cannot be found. */
    boolean remove();

    void addMember(String iface);

    void removeMember(String iface);

    void vlan(int vlan);
}
