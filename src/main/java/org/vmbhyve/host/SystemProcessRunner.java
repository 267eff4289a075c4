package org.vmbhyve.host;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Runs host tools as child processes, resolved through {@link ToolPath}. */
public final class SystemProcessRunner implements ProcessRunner {

    private final ToolPath toolPath;

    public SystemProcessRunner(ToolPath toolPath) {
        this.toolPath = toolPath;
    }

    @Override
    public ProcessResult run(List<String> argv) {
        return run(argv, null);
    }

    /** With a null input, stdin is /dev/null; otherwise the input is written and stdin closed. */
    @Override
    public ProcessResult run(List<String> argv, String input) {
        return capture(argv, input, false);
    }

    @Override
    public ProcessResult runShowingErrors(List<String> argv) {
        return capture(argv, null, true);
    }

    private ProcessResult capture(List<String> argv, String input, boolean showErrors) {
        Optional<List<String>> resolved = resolve(argv);
        if (resolved.isEmpty()) {
            if (showErrors) {
                System.err.println(argv.get(0) + ": not found");
                return new ProcessResult(127, "", "");
            }
            return new ProcessResult(127, "", argv.get(0) + ": not found\n");
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(resolved.get());
            if (input == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            if (showErrors) {
                builder.redirectError(ProcessBuilder.Redirect.INHERIT);
            }
            Process process = builder.start();
            Drain err = new Drain(process.getErrorStream());
            err.start();
            if (input != null) {
                // written on its own thread, so a child that talks before it reads cannot block us
                new Feed(process.getOutputStream(), input).start();
            }
            String out = drain(process.getInputStream());
            int code = process.waitFor();
            return new ProcessResult(code, out, err.text());
        } catch (IOException e) {
            return new ProcessResult(126, "", e.getMessage() + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProcessResult(130, "", "interrupted\n");
        }
    }

    @Override
    public int runAttached(List<String> argv) {
        Optional<List<String>> resolved = resolve(argv);
        if (resolved.isEmpty()) {
            System.err.println(argv.get(0) + ": not found");
            return 127;
        }
        try {
            return new ProcessBuilder(resolved.get()).inheritIO().start().waitFor();
        } catch (IOException e) {
            System.err.println(e.getMessage());
            return 126;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    @Override
    public Process start(List<String> argv, Path dir, boolean attached, ProcessBuilder.Redirect stderr) throws IOException {
        Optional<List<String>> found = resolve(argv);
        if (found.isEmpty()) {
            throw new IOException(argv.get(0) + ": not found");
        }
        List<String> resolved = found.get();
        File devNull = new File("/dev/null");
        ProcessBuilder builder = new ProcessBuilder(resolved).directory(dir.toFile())
                .redirectError(stderr);
        if (attached) {
            builder.redirectInput(ProcessBuilder.Redirect.INHERIT).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        } else {
            builder.redirectInput(devNull).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        return builder.start();
    }

    @Override
    public List<Integer> pipeline(List<List<String>> commands, ProcessBuilder.Redirect input,
                                  ProcessBuilder.Redirect output) {
        List<ProcessBuilder> builders = new ArrayList<>();
        for (List<String> argv : commands) {
            Optional<List<String>> resolved = resolve(argv);
            if (resolved.isEmpty()) {
                System.err.println(argv.get(0) + ": not found");
                return each(commands, 127);
            }
            builders.add(new ProcessBuilder(resolved.get()).redirectError(ProcessBuilder.Redirect.INHERIT));
        }
        builders.get(0).redirectInput(input);
        builders.get(builders.size() - 1).redirectOutput(output);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Process process : ProcessBuilder.startPipeline(builders)) {
                statuses.add(process.waitFor());
            }
            return statuses;
        } catch (IOException e) {
            System.err.println(e.getMessage());
            return each(commands, 126);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return each(commands, 130);
        }
    }

    @Override
    public Optional<Path> which(String tool) {
        return toolPath.find(tool);
    }

    @Override
    public boolean available(String tool) {
        return toolPath.find(tool).isPresent();
    }

    private Optional<List<String>> resolve(List<String> argv) {
        Optional<Path> exe = toolPath.find(argv.get(0));
        if (exe.isEmpty()) {
            return Optional.empty();
        }
        List<String> full = new ArrayList<>(argv);
        full.set(0, exe.get().toString());
        return Optional.of(full);
    }

    /** The same status for every command of a pipeline that did not run. */
    private static List<Integer> each(List<List<String>> commands, int status) {
        return Collections.nCopies(commands.size(), status);
    }

    /*
     * The helpers below are threads of their own, not tasks of the common pool, which may have a
     * single worker (two CPUs, JDK 25): there the stderr drain would keep the input feed waiting,
     * and the child, waiting for the end of its input, would never close its output. Classes, not
     * lambdas: on JDK 17 the first lambda of a run costs several milliseconds.
     */

    /** Writes the child's input and closes it. */
    private static final class Feed extends Thread {

        private final OutputStream out;
        private final String input;

        Feed(OutputStream out, String input) {
            super("vm-child-input");
            setDaemon(true);
            this.out = out;
            this.input = input;
        }

        @Override
        public void run() {
            try (out) {
                out.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the child stopped reading; its exit status tells the caller
            }
        }
    }

    /** Reads one of the child's outputs to its end. */
    private static final class Drain extends Thread {

        private final InputStream in;
        private String text;
        private UncheckedIOException failure;

        Drain(InputStream in) {
            super("vm-child-output");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            try {
                text = drain(in);
            } catch (UncheckedIOException e) {
                failure = e;
            }
        }

        /** What was read, once the stream has ended. */
        String text() throws InterruptedException {
            join();
            if (failure != null) {
                throw failure;
            }
            return text;
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
