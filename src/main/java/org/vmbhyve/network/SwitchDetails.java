package org.vmbhyve.network;

import java.util.List;
import org.vmbhyve.core.BytesHuman;
import org.vmbhyve.core.TextBlock;

/**
 * Everything {@code vm switch info} shows about one switch; the components are its
 * {@code --json} fields. A new fact is a new component plus its line in {@link #render()}.
 *
 * @param ident the interface carrying the switch, null when it is not up
 * @param vlan the VLAN setting as written, null when unset
 * @param physicalPorts the uplinks; null when the switch has no {@code ports_NAME} setting
 * @param nat whether the switch has NAT ({@code vm switch nat})
 * @param dhcpRange the addresses its DHCP server hands out, null when none
 * @param bytesIn traffic of the bridge from netstat, null when it has no statistics
 * @param virtualPorts the guests' taps on the bridge
 */
public record SwitchDetails(String name, String type, String ident, String vlan, List<String> physicalPorts,
                            boolean nat, DhcpRange dhcpRange, Long bytesIn, Long bytesOut,
                            List<VirtualPort> virtualPorts) implements TextBlock {

    /** @param vm the guest named in the tap's description, null when none */
    public record VirtualPort(String device, String vm) {
    }

    /** The text block, line for line as upstream prints it. */
    @Override
    public String render() {
        StringBuilder out = new StringBuilder("------------------------\nVirtual Switch: " + name
                + "\n------------------------\n");
        out.append("  type: ").append(type).append('\n');
        out.append("  ident: ").append(ident == null ? "-" : ident).append('\n');
        out.append("  vlan: ").append(vlan == null ? "-" : vlan).append('\n');
        out.append("  physical-ports: ").append(physicalPorts == null ? "-" : String.join(" ", physicalPorts))
                .append('\n');
        // only switches with NAT get these lines, so every other block reads as upstream's
        if (nat) {
            out.append("  nat: on\n");
            if (dhcpRange != null) {
                out.append("  dhcp-range: ").append(dhcpRange.first()).append('-').append(dhcpRange.last()).append('\n');
            }
        }
        if (bytesIn != null) {
            out.append("  bytes-in: ").append(bytesIn).append(" (").append(human(bytesIn)).append(")\n");
            out.append("  bytes-out: ").append(bytesOut).append(" (").append(human(bytesOut)).append(")\n");
        }
        for (VirtualPort port : virtualPorts) {
            out.append("\n  virtual-port\n    device: ").append(port.device()).append('\n')
                    .append("    vm: ").append(port.vm() == null ? "-" : port.vm()).append('\n');
        }
        return out.append('\n').toString();
    }

    private static String human(long bytes) {
        return BytesHuman.format(java.math.BigDecimal.valueOf(bytes), 3, 0);
    }
}
