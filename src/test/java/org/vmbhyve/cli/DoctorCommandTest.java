package org.vmbhyve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmbhyve.doctor.Diagnosis;

/** {@code vm doctor}: its text and JSON, its exit status, and that any user may run it on any host. */
class DoctorCommandTest {

    @TempDir
    Path root;
    TestVm vm;

    @BeforeEach
    void setUp() throws Exception {
        vm = new TestVm(root);
        Files.createDirectories(vm.vmDir.resolve(".config"));
        Files.writeString(vm.vmDir.resolve(".config/system.conf"), "");
    }

    @Test
    void theTextIsOneAlignedLinePerCheckWithTheFixAtTheEnd() {
        assertEquals("""
                PASS  vmm        vmm.ko is loaded
                WARN  vm_list    vm_list names ghost, which is not a guest (fix: sysrc vm_list-=ghost)
                FAIL  if_bridge  if_bridge.ko is missing (fix: kldload if_bridge)
                """, DoctorCommand.text(List.of(Diagnosis.pass("vmm", "vmm.ko is loaded"),
                Diagnosis.warn("vm_list", "vm_list names ghost, which is not a guest", "sysrc vm_list-=ghost"),
                Diagnosis.fail("if_bridge", "if_bridge.ko is missing", "kldload if_bridge"))));
    }

    @Test
    void aHealthyHostExitsZeroAndChangesNothing() throws Exception {
        TestVm.Result r = vm.vm("doctor");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.size() >= 17, r.out());
        int column = lines.get(0).indexOf(' ', 6);
        for (String line : lines) {
            assertTrue(line.matches("(PASS|INFO|WARN)  \\S+ *  \\S.*"), line);
        }
        assertTrue(r.out().contains("PASS  vmm "), r.out());
        assertTrue(column > 0);
        assertEquals(List.of(), vm.runner.calls("kldload"));
        assertEquals(List.of(), vm.runner.calls("sysrc"));
    }

    @Test
    void aUserOtherThanRootOnAHostWithVmDisabledGetsTheReportNotAnError() throws Exception {
        vm.uid = 1001;
        Files.writeString(vm.rcConf, "vm_enable=\"NO\"\nvm_dir=\"" + root.resolve("missing") + "\"\n");
        TestVm.Result r = vm.vm("doctor");
        assertEquals(1, r.exit());
        assertEquals("", r.err());
        assertTrue(r.out().contains("FAIL  vm_enable   vm_enable=NO: vm refuses to manage guests (fix: sysrc vm_enable=YES)\n"),
                r.out());
        assertTrue(r.out().contains("FAIL  vm_dir      vm_dir=" + root.resolve("missing") + ": not a directory"), r.out());
        assertTrue(r.out().contains("INFO  vm_list     vm_list is empty"), r.out());
    }

    @Test
    void jsonIsAnArrayOfCheckStatusDetailFix() throws Exception {
        Files.writeString(vm.rcConf, "vm_list=\"ghost\"\n", java.nio.file.StandardOpenOption.APPEND);
        TestVm.Result r = vm.vm("doctor", "--json");
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode lines = new ObjectMapper().readTree(r.out());
        assertTrue(lines.isArray() && lines.size() >= 17, r.out());
        for (JsonNode line : lines) {
            assertEquals(List.of("check", "status", "detail", "fix"), List.copyOf(iterable(line)));
        }
        JsonNode ghost = find(lines, "vm_list");
        assertEquals("WARN", ghost.get("status").asText());
        assertEquals("sysrc vm_list-=ghost", ghost.get("fix").asText());
        assertTrue(find(lines, "vmm").get("fix").isNull());
    }

    @Test
    void completionOffersTheCommandAndItsFlag() {
        assertTrue(vm.vm("_complete", "1", "vm", "do").out().contains("doctor\n"));
        assertEquals("--json\n", vm.vm("_complete", "2", "vm", "doctor", "-").out());
        assertFalse(vm.vm("help", "doctor").out().isEmpty());
    }

    private static JsonNode find(JsonNode lines, String check) {
        for (JsonNode line : lines) {
            if (line.get("check").asText().equals(check)) {
                return line;
            }
        }
        throw new AssertionError("no " + check + " in " + lines);
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
