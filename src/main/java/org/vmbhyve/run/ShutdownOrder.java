package org.vmbhyve.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Which running guests {@code stopall}/{@code suspendall} stop one by one and which all at once:
 * the guests of {@code vm_list} that run, in reverse boot order, each after a delay; every other
 * running guest (or all of them with {@code -f}) in parallel first.
 */
record ShutdownOrder(List<String> ordered, List<String> parallel) {

    static ShutdownOrder of(List<String> running, List<String> bootOrder, boolean parallelAll) {
        if (parallelAll || bootOrder.isEmpty()) {
            return new ShutdownOrder(List.of(), List.copyOf(running));
        }
        List<String> ordered = new ArrayList<>();
        for (int i = bootOrder.size() - 1; i >= 0; i--) {
            String name = bootOrder.get(i);
            if (running.contains(name) && !ordered.contains(name)) {
                ordered.add(name);
            }
        }
        List<String> parallel = running.stream().filter(name -> !ordered.contains(name)).toList();
        return new ShutdownOrder(List.copyOf(ordered), parallel);
    }
}
