package org.vmbhyve.network;

import java.util.Optional;
import org.vmbhyve.config.YesNo;
import org.vmbhyve.core.HostSetup;
import org.vmbhyve.core.Ui;
import org.vmbhyve.error.VmException;
import org.vmbhyve.host.Pfctl;
import org.vmbhyve.host.ProcessResult;
import org.vmbhyve.host.Route;

/**
 * {@code vm switch nat NAME on|off}: guests on a standard switch reach the outside through the
 * host. One pf NAT rule per switch in an anchor of its own ({@code vm-bhyve/NAME}), which the
 * admin's pf.conf calls with a single {@code nat-anchor "vm-bhyve/*"} line; IP forwarding on;
 * and, when dnsmasq is installed, DHCP on the switch. State: {@code nat_NAME="yes"}.
 * vm never edits pf.conf or rc.conf and never flushes an anchor it did not load.
 */
final class SwitchNat {

    static final String ANCHOR_PARENT = "vm-bhyve";
    /** The line the admin adds to pf.conf, among the translation rules. */
    static final String HOOK = "nat-anchor \"" + ANCHOR_PARENT + "/*\"";

    /** What a NAT switch is built from, once the checks have passed. */
    private record Plan(String name, String bridge, Ipv4Subnet subnet, String egress) {
        String rule() {
            return "nat on " + egress + " inet from " + subnet.network() + " to any -> (" + egress + ")\n";
        }
    }

    private final SwitchEnv env;
    private static final String FORWARDING = "net.inet.ip.forwarding";

    private final Pfctl pfctl;
    private final Route route;

    SwitchNat(SwitchEnv env) {
        this.env = env;
        this.pfctl = new Pfctl(env.runner());
        this.route = new Route(env.runner());
    }

    static String anchor(String name) {
        return ANCHOR_PARENT + "/" + name;
    }

    boolean isOn(String name) {
        return YesNo.isTrue(env.setting("nat_" + name));
    }

    /** Checks everything first, so a refusal changes nothing; then builds NAT and records it. */
    void on(String name) {
        Plan plan = plan(name);
        // a probe that failed says why before our reading of it
        ProcessResult info = pfctl.show("info");
        if (!Pfctl.enabled(info)) {
            // no /dev/pf is pf not loaded: our message says it all
            throw VmException.afterTool(info.ok() || info.stderr().contains("/dev/pf") ? "" : info.stderr(), "pf is not enabled: enable it"
                    + " (sysrc pf_enable=YES; service pf start) with this line among the translation rules of"
                    + " /etc/pf.conf: " + HOOK);
        }
        ProcessResult nat = pfctl.show("nat");
        if (!Pfctl.hasNatAnchor(nat, ANCHOR_PARENT + "/*")) {
            throw VmException.afterTool(nat.ok() ? "" : nat.stderr(), "the pf ruleset does not call vm's NAT anchors:"
                    + " add this line among the translation rules of /etc/pf.conf: " + HOOK
                    + " and reload it: pfctl -f /etc/pf.conf");
        }
        // route(8)'s "route has not been found" is the no-default-route answer our message gives
        ProcessResult route = this.route.getDefault();
        Plan routed = Route.defaultInterface(route).map(egress -> new Plan(plan.name(), plan.bridge(), plan.subnet(), egress))
                .orElseThrow(() -> VmException.afterTool(route.stderr().contains("has not been found") ? "" : route.stderr(),
                        "unable to find the interface of the host's default route (route -n get default)"));
        String forwarding = env.runner().run("sysctl", "-n", FORWARDING).stdout().trim();
        apply(routed, true).ifPresent(failure -> {
            // half-built NAT is worse than none: undo it, and any earlier state with it
            try {
                remove(name);
            } catch (VmException e) {
                // the first failure is the one to tell
            }
            env.delete("nat_" + name);
            if (forwarding.equals("0")) {
                env.runner().run("sysctl", FORWARDING + "=0");
            }
            throw failure;
        });
        env.set("nat_" + name, "yes");
    }

    /** Removes exactly what {@code on} added; IP forwarding stays as it is. */
    void off(String name) {
        if (!env.names().contains(name)) {
            throw new VmException("unable to locate specified virtual switch");
        }
        if (!isOn(name)) {
            throw new VmException("nat is not enabled on switch " + name);
        }
        remove(name);
        env.delete("nat_" + name);
    }

    /** For destroy and address removal: NAT goes first, if the switch has it. */
    void offIfOn(String name) {
        if (isOn(name)) {
            remove(name);
            env.delete("nat_" + name);
        }
    }

    /**
     * {@code vm init} (at boot, before pf is started) and address changes: rebuilds NAT without
     * the pf checks, warning instead of failing. The pf module is loaded so the anchor can be
     * filled before rc.d/pf loads pf.conf.
     */
    void restore(String name, boolean restartDhcp, Ui ui) {
        Optional<Plan> plan;
        try {
            plan = withEgress(plan(name));
        } catch (VmException e) {
            ui.warn("unable to restore nat on switch " + name + ": " + e.getMessage());
            return;
        }
        if (plan.isEmpty()) {
            ui.warn("unable to restore nat on switch " + name + ": the host has no default route yet;"
                    + " run 'vm switch nat " + name + " on' once it has");
            return;
        }
        if (!HostSetup.ensureModule(env.runner(), "pf")) {
            ui.warn("unable to restore nat on switch " + name + ": unable to load pf.ko");
            return;
        }
        apply(plan.get(), restartDhcp).ifPresent(failure -> ui.warn(failure.getMessage()));
    }

    /** The DHCP range the switch's dnsmasq hands out, when it serves one. */
    Optional<DhcpRange> dhcpRange(String name) {
        if (!isOn(name) || !dhcp(name).configured()) {
            return Optional.empty();
        }
        return Ipv4Subnet.parse(env.setting("addr_" + name)).map(Ipv4Subnet::dhcpRange);
    }

    /** The checks of the switch itself: it exists, is standard, is up and has an IPv4 subnet. */
    private Plan plan(String name) {
        if (!env.names().contains(name)) {
            throw new VmException("unable to locate specified virtual switch");
        }
        String type = env.setting("type_" + name);
        if (!type.isEmpty() && !type.equals("standard")) {
            throw new VmException("nat is only supported on standard switches");
        }
        String addr = env.setting("addr_" + name);
        if (addr.isEmpty()) {
            throw new VmException("switch " + name + " has no IPv4 address: add one first with"
                    + " vm switch address " + name + " a.b.c.d/xx");
        }
        Ipv4Subnet subnet = Ipv4Subnet.parse(addr).filter(Ipv4Subnet::hasRoomForGuests).orElseThrow(() ->
                new VmException("switch address " + addr + " leaves no room for guests (a prefix of /"
                        + Ipv4Subnet.LONGEST_USABLE_PREFIX + " or shorter is needed)"));
        String bridge = env.find(name).orElseThrow(() -> new VmException("unable to locate switch id"));
        return new Plan(name, bridge, subnet, "");
    }

    private Optional<Plan> withEgress(Plan plan) {
        return route.defaultInterface().map(egress -> new Plan(plan.name(), plan.bridge(), plan.subnet(), egress));
    }

    /** Forwarding, the anchor's rule, then DHCP; the failure, if a step failed. */
    private Optional<VmException> apply(Plan plan, boolean restartDhcp) {
        ProcessResult forwarded = env.runner().run("sysctl", FORWARDING + "=1");
        if (!forwarded.ok()) {
            return Optional.of(VmException.afterTool(forwarded.stderr(), "failed to enable IP forwarding (" + FORWARDING + ")"));
        }
        ProcessResult loaded = pfctl.load(anchor(plan.name()), plan.rule());
        if (!loaded.ok()) {
            return Optional.of(VmException.afterTool(loaded.stderr(), "failed to load the nat rule of switch "
                    + plan.name() + " into pf anchor " + anchor(plan.name())));
        }
        NatDhcp dhcp = dhcp(plan.name());
        if (!dhcp.installed() || (!restartDhcp && dhcp.running())) {
            return Optional.empty();
        }
        try {
            dhcp.stop();
        } catch (VmException e) {
            return Optional.of(e);
        }
        ProcessResult started = dhcp.start(plan.bridge(), plan.subnet().dhcpRange());
        if (!started.ok()) {
            return Optional.of(VmException.afterTool(started.stderr(), "failed to start dnsmasq for switch " + plan.name()));
        }
        return Optional.empty();
    }

    /** The anchor's rules, then DHCP; a failure keeps {@code nat_NAME}, so the same command again finishes. */
    private void remove(String name) {
        ProcessResult flushed = pfctl.flushNat(anchor(name));
        if (!flushed.ok()) {
            throw VmException.afterTool(flushed.stderr(), "unable to remove the nat rules of switch " + name
                    + " from pf anchor " + anchor(name));
        }
        dhcp(name).remove();
    }

    private NatDhcp dhcp(String name) {
        return new NatDhcp(name, env.system().directory(), env.runner());
    }
}
