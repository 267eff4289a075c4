package org.vmbhyve.run;

import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;

/** The {@code -c} value: the CPU count with the topology the config gives ({@code vm::__cpu}). */
final class CpuTopology {

    private CpuTopology() {
    }

    static String of(ConfigValues config) {
        String cpu = config.value(GuestKey.CPU);
        if (cpu.isEmpty()) {
            return "";
        }
        StringBuilder value = new StringBuilder(cpu);
        for (GuestKey part : new GuestKey[] {GuestKey.CPU_SOCKETS, GuestKey.CPU_CORES, GuestKey.CPU_THREADS}) {
            String count = config.value(part);
            if (!count.isEmpty()) {
                value.append(',').append(part.key().substring("cpu_".length())).append('=').append(count);
            }
        }
        return value.toString();
    }
}
