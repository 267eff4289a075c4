package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Replays a recorded run with the real launcher on a fresh fake host and compares exit status,
 * stdout, stderr, host calls and (for a whole run) the final tree, step by step.
 */
final class Replay {

    private Replay() {
    }

    /**
     * @param steps how many steps to replay; the tree is compared only when all of them ran
     * @param noisyStderr steps ({@code "NAME step N"}) whose recorded stderr is not compared
     * @return the fake host after the last step, for further checks
     */
    static FakeHost run(RecordedExample example, int steps, Set<String> noisyStderr) throws Exception {
        FakeHost host = new FakeHost(Files.createTempDirectory("vm-" + example.name() + "-"));
        Normalizer normal = new Normalizer(host);
        if (example.folder().equals("examples")) {
            // upstream's runs were recorded on a Linux machine, whose netstat has no -b: no traffic lines
            Files.writeString(host.state.resolve("netstat-biI-fails"), "");
        }
        for (RecordedExample.Step step : example.steps()) {
            if (step.number() > steps) {
                break;
            }
            String where = example.name() + " step " + step.number();
            if (step.setup() != null) {
                host.sh(step.setup());
                continue;
            }
            FakeHost.Run run = host.vm(step.args().toArray(String[]::new));
            assertEquals(Normalizer.usageStructure(step.stdout()),
                    Normalizer.usageStructure(normal.text(run.stdout())), where + " stdout");
            if (!noisyStderr.contains(where)) {
                assertEquals(step.stderr(), normal.text(run.stderr()), where + " stderr");
            }
            assertEquals(step.exit(), run.exit(), where + " exit status");
            assertEquals(step.host(), normal.lines(run.hostCalls()), where + " host calls");
        }
        if (steps >= example.steps().size()) {
            List<String> expected = Normalizer.settingsOnly(new ArrayList<>(example.tree()));
            assertEquals(String.join("\n", expected), String.join("\n", normal.tree(host.vmDir)),
                    example.name() + " tree");
        }
        return host;
    }

    /** Deletes the root of a replay that passed; a failed one stays behind for inspection. */
    static void cleanUp(FakeHost host) throws Exception {
        try (var walk = Files.walk(host.root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
