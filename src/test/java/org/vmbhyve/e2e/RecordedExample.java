package org.vmbhyve.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One recorded run: the steps of {@code NAME.scn} and, for each {@code vm} step, the exit status,
 * stdout, stderr and host calls of {@code NAME.txt}, plus the final {@code $vm_dir} tree. The
 * folder {@code examples} holds upstream's runs (copied from the spec), {@code golden} our own
 * reviewed scenarios.
 */
record RecordedExample(String folder, String name, List<Step> steps, List<String> tree) {

    /** A step: a set-up script ({@code setup} non-null) or a vm command with its record. */
    record Step(int number, String setup, List<String> args, int exit, String stdout, String stderr,
                List<String> host) {
    }

    static RecordedExample load(String folder, String name) throws IOException {
        List<String> scenario = lines(folder, name + ".scn");
        List<String> record = lines(folder, name + ".txt");
        List<Step> steps = new ArrayList<>();
        List<String> tree = new ArrayList<>();
        int at = 0;
        for (int n = 1; n <= scenario.size(); n++) {
            String line = scenario.get(n - 1);
            if (line.startsWith("@ ")) {
                steps.add(new Step(n, line.substring(2), null, 0, null, null, null));
                continue;
            }
            String header = "== " + n + " $ " + line;
            while (!record.get(at).equals(header)) {
                at++;
            }
            at++;
            int exit = Integer.parseInt(record.get(at).substring("-- exit ".length()));
            at++;
            StringBuilder stdout = new StringBuilder();
            StringBuilder stderr = new StringBuilder();
            List<String> host = new ArrayList<>();
            String section = "";
            for (; at < record.size() && !record.get(at).startsWith("== "); at++) {
                String l = record.get(at);
                switch (l) {
                    case "-- stdout", "-- stderr", "-- host" -> section = l;
                    default -> {
                        switch (section) {
                            case "-- stdout" -> stdout.append(l).append('\n');
                            case "-- stderr" -> stderr.append(l).append('\n');
                            default -> host.add(l);
                        }
                    }
                }
            }
            List<String> args = List.of(line.substring("vm ".length()).split(" "));
            steps.add(new Step(n, null, args, exit, stdout.toString(), stderr.toString(), host));
        }
        int treeAt = record.indexOf("== tree");
        if (treeAt >= 0) {
            tree.addAll(record.subList(treeAt + 1, record.size()));
        }
        return new RecordedExample(folder, name, steps, tree);
    }

    /** The steps of a scenario that has no record yet: what {@link ScenarioRecorder} starts from. */
    static List<String> scenario(String folder, String name) throws IOException {
        return lines(folder, name + ".scn");
    }

    private static List<String> lines(String folder, String resource) throws IOException {
        try (InputStream in = RecordedExample.class.getResourceAsStream("/" + folder + "/" + resource)) {
            if (in == null) {
                throw new IOException("no example " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return List.of(text.split("\n", -1)).subList(0, text.endsWith("\n")
                    ? text.split("\n", -1).length - 1 : text.split("\n", -1).length);
        }
    }
}
