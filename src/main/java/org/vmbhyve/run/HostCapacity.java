package org.vmbhyve.run;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.vmbhyve.config.Chars;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.config.Size;
import org.vmbhyve.host.ProcessRunner;
import org.vmbhyve.core.BytesHuman;

/**
 * Whether a guest's vCPUs and memory fit the host. bhyve started with more vCPUs than vmm
 * allows exits at once with status 71 and nothing clearer (churchers/vm-bhyve#592), so
 * {@code vm start} refuses such a guest first and {@code vm check} reports it.
 *
 * <p>vmm's limit is the {@code hw.vmm.maxcpu} sysctl: sys/amd64/vmm/vmm.c ({@code vmm_init})
 * sets it to the host's CPU count ({@code mp_ncpus}) unless the loader tunable of that name
 * sets another (clamped to {@code VM_MAXCPU}), so an admin may raise it in
 * {@code /boot/loader.conf} to overcommit. Without that sysctl (vmm not loaded yet, as for a
 * {@code vm check} before any start) the limit is {@code hw.ncpu}, the value vmm would take.
 * The tunable came with D37175 (commit ee98f99d7a68, "Convert VM_MAXCPU into a loader tunable
 * hw.vmm.maxcpu", 14.0 and 13.2); older releases capped every guest at a fixed VM_MAXCPU of 16,
 * which this does not model: they are past their end of life. Memory beyond
 * {@code hw.physmem} only earns a warning: the guest may run.
 */
public final class HostCapacity {

    /** A host figure and the sysctl it came from. */
    public record Limit(long value, String sysctl) {
    }

    private final ProcessRunner runner;
    /** Each sysctl is asked once, however many guests {@code vm check} reads. */
    private final Map<String, Optional<Limit>> asked = new HashMap<>();

    public HostCapacity(ProcessRunner runner) {
        this.runner = runner;
    }

    /** Why the guest cannot start on this host's vmm; empty when it can or nothing is known. */
    public Optional<String> vcpuProblem(ConfigValues config) {
        long needed = vcpus(config);
        if (needed < 1) {
            return Optional.empty();
        }
        Optional<Limit> limit = sysctl("hw.vmm.maxcpu");
        if (limit.isEmpty()) {
            limit = sysctl("hw.ncpu");
        }
        if (limit.isEmpty() || needed <= limit.get().value()) {
            return Optional.empty();
        }
        return Optional.of("guest needs " + needed + " vCPUs but vmm allows at most " + limit.get().value()
                + " (" + limit.get().sysctl() + ")");
    }

    /** A warning when the guest's memory is more than the host has; empty otherwise. */
    public Optional<String> memoryProblem(ConfigValues config) {
        String memory = config.value(GuestKey.MEMORY);
        Optional<Long> bytes = Size.memory(memory);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Optional<Limit> physical = sysctl("hw.physmem");
        if (physical.isEmpty() || bytes.get() <= physical.get().value()) {
            return Optional.empty();
        }
        return Optional.of("memory " + memory + " is more than the host's physical memory ("
                + BytesHuman.format(BigDecimal.valueOf(physical.get().value()), 1, 0) + ", "
                + physical.get().sysctl() + ")");
    }

    /**
     * The vCPUs bhyve asks vmm for, as bhyverun.c's topology parsing counts them: sockets
     * (default: cpu) x cores x threads (default 1 each), or cpu when that is more (bhyve then
     * refuses the mismatch itself). 0 when the settings are not numbers.
     */
    static long vcpus(ConfigValues config) {
        long cpu = number(config.value(GuestKey.CPU), 0);
        long sockets = number(config.value(GuestKey.CPU_SOCKETS), cpu);
        long cores = number(config.value(GuestKey.CPU_CORES), 1);
        long threads = number(config.value(GuestKey.CPU_THREADS), 1);
        if (cpu < 0 || sockets < 0 || cores < 0 || threads < 0) {
            return 0;
        }
        return Math.max(cpu, sockets * cores * threads);
    }

    /** The value as a count; the default when unset; -1 when it is not a (small) number. */
    private static long number(String value, long unset) {
        if (value.isEmpty()) {
            return unset;
        }
        return Chars.isDigits(value) && value.length() < 7 ? Long.parseLong(value) : -1;
    }

    private Optional<Limit> sysctl(String name) {
        Optional<Limit> known = asked.get(name);
        if (known == null) {
            String value = runner.run("sysctl", "-n", name).firstLine().trim();
            long number = Chars.isDigits(value) && value.length() <= 18 ? Long.parseLong(value) : 0;
            known = number > 0 ? Optional.of(new Limit(number, name)) : Optional.empty();
            asked.put(name, known);
        }
        return known;
    }
}
