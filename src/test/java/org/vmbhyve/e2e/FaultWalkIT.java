package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault walk of the switch commands: each host call of a clean run failed in turn, each
 * ending judged against DESIGN.md "When something fails" (see {@link FaultWalk}). The summary
 * lines go to {@code target/fault-walk.txt}.
 */
class FaultWalkIT {

    static final Path SUMMARY = FakeHost.PROJECT.resolve("target/fault-walk.txt");

    private FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(Files.createTempDirectory("vm-fault-walk-"));
        prepare("init");
    }

    @AfterEach
    void tearDown() throws Exception {
        Replay.cleanUp(host);
    }

    /** A set-up step: {@code vm ARGS} must succeed. */
    private void prepare(String... args) throws Exception {
        FakeHost.Run run = host.vm(args);
        assertEquals(0, run.exit(), String.join(" ", args) + ": " + run.stderr());
    }

    /** Walks {@code vm ARGS} and asserts every verdict keeps the contract. */
    static void walk(FakeHost host, String... args) throws Exception {
        walkKnowing(host, List.of(), args);
    }

    /**
     * Walks {@code vm ARGS} and asserts every verdict keeps the contract but those of the calls
     * KNOWN (beginnings of {@code tool args}), defects not fixed yet: each of them must still fail,
     * so that fixing one updates this list.
     */
    static void walkKnowing(FakeHost host, List<String> known, String... args) throws Exception {
        FaultWalk.Report report = FaultWalk.walk(host, args);
        Files.createDirectories(SUMMARY.getParent());
        Files.writeString(SUMMARY, report.summary() + (known.isEmpty() ? "" : " (known defects: " + known + ")") + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(report.summary());
        report.verdicts().forEach(v -> System.out.println("  " + v));
        List<FaultWalk.Verdict> unexpected = report.failures().stream()
                .filter(v -> known.stream().noneMatch(v.call()::startsWith)).toList();
        assertEquals(List.of(), unexpected, report.summary());
        List<String> fixed = known.stream()
                .filter(k -> report.failures().stream().noneMatch(v -> v.call().startsWith(k))).toList();
        assertEquals(List.of(), fixed, "fixed: take them off the known defects");
    }

    @Test
    void switchCreateStandardWithAddressAndUplink() throws Exception {
        walk(host, "switch", "create", "-a", "10.0.0.1/24", "-i", "em0", "sw");
    }

    @Test
    void switchDestroy() throws Exception {
        prepare("switch", "create", "-a", "10.0.0.1/24", "-i", "em0", "sw");
        walk(host, "switch", "destroy", "sw");
    }

    @Test
    void switchVlan() throws Exception {
        prepare("switch", "create", "-i", "em0", "sw");
        walk(host, "switch", "vlan", "sw", "10");
    }

    @Test
    void switchCreateOfEachType() throws Exception {
        walk(host, "switch", "create", "-n", "10", "-i", "em0", "-m", "9000", "vl");
        walk(host, "switch", "create", "-t", "vxlan", "-i", "em0", "-n", "20", "-a", "10.9.0.1/24", "vx");
        host.sh("mkdir state/if/bridge7");
        walk(host, "switch", "create", "-t", "manual", "-b", "bridge7", "man");
        walk(host, "switch", "import", "imp", "bridge7");
    }

    @Test
    void switchSettings() throws Exception {
        host.sh("mkdir state/if/em1");
        prepare("switch", "create", "-a", "10.0.0.1/24", "-i", "em0", "sw");
        walk(host, "switch", "private", "sw", "on");
        walk(host, "switch", "mtu", "sw", "9000");
        walk(host, "switch", "add", "sw", "em1");
        walk(host, "switch", "remove", "sw", "em0");
        walk(host, "switch", "address", "sw", "10.0.1.1/24");
        walk(host, "switch", "address", "sw", "none");
    }

    @Test
    void switchNat() throws Exception {
        prepare("switch", "create", "-a", "10.0.0.1/24", "lan");
        // a host ready for NAT: pf loaded and enabled, pf.conf with the hook, a default route, dnsmasq
        host.sh("touch state/kld/pf && mkdir -p state/pf && touch state/pf/enabled"
                + " && echo 'nat-anchor \"vm-bhyve/*\" all' > state/pf/main-nat && echo em0 > state/default-route"
                + " && cp \"$FAKEHOST_PKG/dnsmasq\" host/usr/local/sbin/");
        walk(host, "switch", "nat", "lan", "on");
        prepare("switch", "nat", "lan", "on");
        walk(host, "switch", "nat", "lan", "off");
        walk(host, "switch", "destroy", "lan");
    }
}
