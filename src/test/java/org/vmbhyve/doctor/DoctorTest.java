package org.vmbhyve.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of checks: all run, a broken one does not stop the rest, only FAIL fails. */
class DoctorTest {

    @TempDir
    Path dir;

    /** A check that breaks down. */
    private static final class BrokenCheck implements Check {
        @Override
        public List<Diagnosis> run(DoctorContext host) {
            throw new IllegalStateException("no such thing");
        }
    }

    @Test
    void aCheckThatBreaksDownIsReportedAndTheOthersRun() throws IOException {
        TestHost host = new TestHost(dir);
        List<Diagnosis> lines = new Doctor(List.of(new BrokenCheck(), new EnableCheck())).examine(host.context());
        assertEquals(List.of(Diagnosis.info("broken", "could not check: no such thing"),
                Diagnosis.pass("vm_enable", "vm_enable=YES")), lines);
    }

    @Test
    void onlyFailFails() {
        assertFalse(Doctor.failed(List.of(Diagnosis.pass("a", "x"), Diagnosis.info("b", "y"), Diagnosis.warn("c", "z", "f"))));
        assertTrue(Doctor.failed(List.of(Diagnosis.pass("a", "x"), Diagnosis.fail("b", "y", "f"))));
    }

    @Test
    void everyRegisteredCheckRunsOnAFreshHostWithoutLoadingOrChangingAnything() throws IOException {
        TestHost host = new TestHost(dir);
        List<Diagnosis> lines = new Doctor().examine(host.context());
        assertTrue(lines.size() >= 17, lines.toString());
        for (List<String> call : host.runner.calls()) {
            assertTrue(List.of("kldstat", "sysctl", "pgrep", "ifconfig").contains(call.get(0)), call.toString());
            assertFalse(call.contains("create") || call.contains("destroy") || call.get(1).contains("="), call.toString());
        }
        for (Diagnosis line : lines) {
            assertEquals(line.status() == Status.WARN || line.status() == Status.FAIL, line.fix() != null, line.toString());
        }
    }
}
