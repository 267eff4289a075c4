package org.vmbhyve.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code NAME.txt} for one of our own scenarios from what this build does, in the
 * examples' format. Run only on request ({@code -Dgolden.update=true}); the result is reviewed
 * against upstream's behaviour before it is committed, and is from then on the expectation.
 */
final class ScenarioRecorder {

    private ScenarioRecorder() {
    }

    static void record(String folder, String name) throws Exception {
        List<String> scenario = RecordedExample.scenario(folder, name);
        FakeHost host = new FakeHost(Files.createTempDirectory("vm-record-"));
        Normalizer normal = new Normalizer(host);
        List<String> out = new ArrayList<>();
        for (int n = 1; n <= scenario.size(); n++) {
            String line = scenario.get(n - 1);
            if (line.startsWith("@ ")) {
                host.sh(line.substring(2));
                out.add("== " + n + " setup: " + line.substring(2));
                continue;
            }
            FakeHost.Run run = host.vm(line.substring("vm ".length()).split(" "));
            out.add("== " + n + " $ " + line);
            out.add("-- exit " + run.exit());
            out.add("-- stdout");
            addText(out, normal.text(run.stdout()));
            out.add("-- stderr");
            addText(out, normal.text(run.stderr()));
            out.add("-- host");
            out.addAll(normal.lines(run.hostCalls()));
        }
        out.add("== tree");
        out.addAll(normal.tree(host.vmDir));
        Path file = FakeHost.PROJECT.resolve("src/test/resources/" + folder + "/" + name + ".txt");
        Files.write(file, out);
        Replay.cleanUp(host);
    }

    private static void addText(List<String> out, String text) {
        if (!text.isEmpty()) {
            out.addAll(List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1));
        }
    }
}
