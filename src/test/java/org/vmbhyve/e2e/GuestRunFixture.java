package org.vmbhyve.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fake host of the end-to-end tests whose guests run: vm initialised, a {@code public}
 * switch, two stopped guests {@code web} and {@code db}; the real launcher starts a detached
 * supervisor whose stub bhyve, after {@link #staysUp}, runs as {@code bhyve: NAME} until signalled.
 * Every guest still running is ended after each test.
 */
abstract class GuestRunFixture {

    FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = FakeHost.withTwoGuests("vm-running-");
    }

    @AfterEach
    void tearDown() throws Exception {
        host.endStubGuests();
        Replay.cleanUp(host);
    }

    void staysUp() throws Exception {
        Files.writeString(host.state.resolve("bhyve-stays-up"), "");
    }

    Path guest(String name, String file) {
        return host.vmDir.resolve(name).resolve(file);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        FakeHost.await(what, condition);
    }

    /** The guest's supervisor: the parent of its (stub) bhyve, whose pid the fake process table holds. */
    ProcessHandle supervisorOf(String name) throws Exception {
        String line = Files.readAllLines(host.state.resolve("procs")).stream()
                .filter(l -> l.endsWith(" bhyve: " + name)).findFirst().orElseThrow();
        return ProcessHandle.of(Long.parseLong(line.split(" ")[0])).flatMap(ProcessHandle::parent).orElseThrow();
    }

    boolean listShows(String text) {
        try {
            return host.vm("list").stdout().contains(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    boolean running(String name) {
        return Files.exists(host.hostRoot.resolve("dev/vmm/" + name));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
