package org.vmbhyve.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A recording {@link ProcessRunner} for in-process tests: every argv is kept, answers are
 * scripted per tool, and the tools Linux really has ({@code truncate}, {@code du}) run for real.
 */
public final class FakeRunner implements ProcessRunner {

    private static final List<String> REAL_TOOLS = List.of("truncate", "du");

    private final List<List<String>> calls = new ArrayList<>();
    private final Map<Integer, String> inputs = new HashMap<>();
    private final Map<String, Function<List<String>, ProcessResult>> answers = new HashMap<>();
    private final SystemProcessRunner real = new SystemProcessRunner(new ToolPath(System.getenv("PATH")));

    public FakeRunner() {
        answer("kldstat", argv -> ok(""));
    }

    public FakeRunner answer(String tool, Function<List<String>, ProcessResult> answer) {
        answers.put(tool, answer);
        return this;
    }

    public static ProcessResult ok(String stdout) {
        return new ProcessResult(0, stdout, "");
    }

    public static ProcessResult fail() {
        return new ProcessResult(1, "", "");
    }

    /** The calls made to one tool, in order. */
    public List<List<String>> calls(String tool) {
        return calls.stream().filter(c -> c.get(0).equals(tool)).toList();
    }

    public List<List<String>> calls() {
        return List.copyOf(calls);
    }

    @Override
    public ProcessResult run(List<String> argv) {
        calls.add(List.copyOf(argv));
        if (REAL_TOOLS.contains(argv.get(0))) {
            return real.run(argv);
        }
        return answers.getOrDefault(argv.get(0), a -> ok("")).apply(argv);
    }

    /** As {@link #run(List)}: the scripted stderr stays in the result for the test to read. */
    @Override
    public ProcessResult runShowingErrors(List<String> argv) {
        return run(argv);
    }

    /** Records the input fed to the call as well: {@link #input} returns it. */
    @Override
    public ProcessResult run(List<String> argv, String input) {
        inputs.put(calls.size(), input);
        return run(argv);
    }

    /** What the n-th call (of {@link #calls()}) read on stdin, or null when it got none. */
    public String input(int call) {
        return inputs.get(call);
    }

    @Override
    public int runAttached(List<String> argv) {
        return run(argv).exitCode();
    }

    /** Children are not started in-process tests; the end-to-end tests run real ones. */
    @Override
    public Process start(List<String> argv, Path dir, boolean attached, ProcessBuilder.Redirect stderr) throws IOException {
        calls.add(List.copyOf(argv));
        throw new IOException("FakeRunner does not start processes: " + argv);
    }

    @Override
    public List<Integer> pipeline(List<List<String>> commands, ProcessBuilder.Redirect input,
                                  ProcessBuilder.Redirect output) {
        return commands.stream().map(argv -> run(argv).exitCode()).toList();
    }

    @Override
    public Optional<Path> which(String tool) {
        return available(tool) ? Optional.of(Path.of("/usr/local/bin", tool)) : Optional.empty();
    }

    @Override
    public boolean available(String tool) {
        return answers.containsKey(tool);
    }
}
