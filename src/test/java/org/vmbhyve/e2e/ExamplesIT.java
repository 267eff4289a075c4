package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays upstream's recorded runs (spec/examples) with the real launcher on the fake host and
 * compares exit status, stdout, stderr, host calls and the final tree, step by step.
 */
class ExamplesIT {

    /**
     * The examples this version can replay, and how many of their steps (the rest need commands
     * of later issues). A whole example also has its final tree compared.
     */
    private static final Map<String, Integer> REPLAYED = Map.of(
            "list-info", Integer.MAX_VALUE,
            "errors", Integer.MAX_VALUE,
            "switch-basics", Integer.MAX_VALUE,
            "switch-vlan", Integer.MAX_VALUE,
            "start-freebsd", 6);

    /**
     * Steps whose recorded stderr is noise from the recording machine, not upstream's output:
     * there {@code netstat -biI} was Linux's, which printed its usage.
     */
    private static final java.util.Set<String> RECORDING_NOISE = java.util.Set.of("switch-basics step 4");

    @TestFactory
    Stream<DynamicTest> examples() {
        return REPLAYED.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> replay(e.getKey(), e.getValue())));
    }

    private static void replay(String name, int steps) throws Exception {
        RecordedExample example = RecordedExample.load(name);
        Path root = Files.createTempDirectory("vm-example-");
        FakeHost host = new FakeHost(root);
        Normalizer normal = new Normalizer(host);
        for (RecordedExample.Step step : example.steps()) {
            if (step.number() > steps) {
                break;
            }
            String where = name + " step " + step.number();
            if (step.setup() != null) {
                host.sh(step.setup());
                continue;
            }
            FakeHost.Run run = host.vm(step.args().toArray(String[]::new));
            assertEquals(Normalizer.usageStructure(step.stdout()),
                    Normalizer.usageStructure(normal.text(run.stdout())), where + " stdout");
            if (!RECORDING_NOISE.contains(where)) {
                assertEquals(step.stderr(), normal.text(run.stderr()), where + " stderr");
            }
            assertEquals(step.exit(), run.exit(), where + " exit status");
            assertEquals(step.host(), normal.lines(run.hostCalls()), where + " host calls");
        }
        if (steps >= example.steps().size()) {
            List<String> expected = Normalizer.settingsOnly(new ArrayList<>(example.tree()));
            assertEquals(String.join("\n", expected), String.join("\n", normal.tree(host.vmDir)), name + " tree");
        }
    }
}
