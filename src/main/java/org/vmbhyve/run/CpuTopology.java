package org.vmbhyve.run;

import org.vmbhyve.config.ConfigValues;

/** The {@code -c} value: the CPU count with the topology the config gives ({@code vm::__cpu}). */
final class CpuTopology {

    private CpuTopology() {
    }

    static String of(ConfigValues config) {
        String cpu = config.value("cpu");
        if (cpu.isEmpty()) {
            return "";
        }
        StringBuilder value = new StringBuilder(cpu);
        for (String part : new String[] {"sockets", "cores", "threads"}) {
            String count = config.value("cpu_" + part);
            if (!count.isEmpty()) {
                value.append(',').append(part).append('=').append(count);
            }
        }
        return value.toString();
    }
}
