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
        FaultWalk.Report report = FaultWalk.walk(host, args);
        Files.createDirectories(SUMMARY.getParent());
        Files.writeString(SUMMARY, report.summary() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(report.summary());
        report.verdicts().forEach(v -> System.out.println("  " + v));
        assertEquals(List.of(), report.failures(), report.summary());
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
}
