package org.vmbhyve.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.host.FakeRunner;

class HostCapacityTest {

    private static FakeRunner sysctls(Map<String, String> values) {
        return new FakeRunner().answer("sysctl", argv -> values.containsKey(argv.get(2))
                ? FakeRunner.ok(values.get(argv.get(2)) + "\n") : FakeRunner.fail());
    }

    @Test
    void countsVcpusAsBhyveDoes() {
        assertEquals(4, HostCapacity.vcpus(ConfigValues.parse("cpu=4\n")));
        // sockets default to cpu: 4 x 2 cores is 8, which bhyve would refuse as a mismatch anyway
        assertEquals(8, HostCapacity.vcpus(ConfigValues.parse("cpu=4\ncpu_cores=2\n")));
        assertEquals(8, HostCapacity.vcpus(ConfigValues.parse("cpu=8\ncpu_sockets=2\ncpu_cores=2\ncpu_threads=2\n")));
        assertEquals(0, HostCapacity.vcpus(ConfigValues.parse("cpu=lots\n")));
        assertEquals(0, HostCapacity.vcpus(ConfigValues.parse("memory=1G\n")));
    }

    @Test
    void theVmmLimitComesBeforeTheCpuCount() {
        FakeRunner runner = sysctls(Map.of("hw.vmm.maxcpu", "32", "hw.ncpu", "8"));
        HostCapacity capacity = new HostCapacity(runner);
        assertEquals(Optional.empty(), capacity.vcpuProblem(ConfigValues.parse("cpu=16\n")));
        assertEquals(Optional.of("guest needs 33 vCPUs but vmm allows at most 32 (hw.vmm.maxcpu)"),
                capacity.vcpuProblem(ConfigValues.parse("cpu=33\n")));
        // asked once for every guest vm check reads
        assertEquals(List.of(List.of("sysctl", "-n", "hw.vmm.maxcpu")), runner.calls("sysctl"));
    }

    @Test
    void withoutMaxcpuTheHostsCpuCountIsTheLimit() {
        HostCapacity capacity = new HostCapacity(sysctls(Map.of("hw.ncpu", "8")));
        assertEquals(Optional.of("guest needs 16 vCPUs but vmm allows at most 8 (hw.ncpu)"),
                capacity.vcpuProblem(ConfigValues.parse("cpu=2\ncpu_sockets=2\ncpu_cores=4\ncpu_threads=2\n")));
    }

    @Test
    void nothingKnownNothingRefused() {
        FakeRunner runner = sysctls(Map.of());
        assertEquals(Optional.empty(), new HostCapacity(runner).vcpuProblem(ConfigValues.parse("cpu=512\n")));
        assertEquals(List.of(List.of("sysctl", "-n", "hw.vmm.maxcpu"), List.of("sysctl", "-n", "hw.ncpu")),
                runner.calls("sysctl"));
        assertEquals(Optional.empty(), new HostCapacity(runner).memoryProblem(ConfigValues.parse("memory=64G\n")));
    }

    @Test
    void memoryBeyondPhysmemIsNamed() {
        HostCapacity capacity = new HostCapacity(sysctls(Map.of("hw.physmem", "17079074816")));
        assertEquals(Optional.empty(), capacity.memoryProblem(ConfigValues.parse("memory=8G\n")));
        assertEquals(Optional.of("memory 32G is more than the host's physical memory (15.9G, hw.physmem)"),
                capacity.memoryProblem(ConfigValues.parse("memory=32G\n")));
    }
}
