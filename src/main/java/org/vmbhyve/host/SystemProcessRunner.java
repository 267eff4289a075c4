package org.vmbhyve.host;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Runs host tools as child processes, resolved through {@link ToolPath}. */
public final class SystemProcessRunner implements ProcessRunner {

    private final ToolPath toolPath;

    /**
     * Each helper on a thread of its own: the common pool may have a single worker (two CPUs,
     * JDK 25), where the stderr drain would keep the input feed waiting, and the child, which
     * waits for the end of its input, would never close its output. A class, not a lambda: this
     * is made with the runner by every command, and on JDK 17 the first lambda of a run sets up
     * the invokedynamic machinery (about 6 ms), which {@code vm version} need not pay.
     */
    private static final Executor OWN_THREAD = new OwnThread();

    private static final class OwnThread implements Executor {
        @Override
        public void execute(Runnable task) {
            Thread thread = new Thread(task, "vm-child-io");
            thread.setDaemon(true);
            thread.start();
        }
    }

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
        Optional<List<String>> resolved = resolve(argv);
        if (resolved.isEmpty()) {
            return new ProcessResult(127, "", argv.get(0) + ": not found\n");
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(resolved.get());
            if (input == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            Process process = builder.start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()),
                    OWN_THREAD);
            if (input != null) {
                // written on its own thread, so a child that talks before it reads cannot block us
                CompletableFuture.runAsync(() -> feed(process.getOutputStream(), input), OWN_THREAD);
            }
            String out = drain(process.getInputStream());
            int code = process.waitFor();
            return new ProcessResult(code, out, err.join());
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
        List<String> resolved = resolve(argv).orElseThrow(() -> new IOException(argv.get(0) + ": not found"));
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
                return commands.stream().map(c -> 127).toList();
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
            return commands.stream().map(c -> 126).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return commands.stream().map(c -> 130).toList();
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
        return toolPath.find(argv.get(0)).map(Path::toString).map(exe -> {
            List<String> full = new ArrayList<>(argv);
            full.set(0, exe);
            return full;
        });
    }

    private static void feed(OutputStream out, String input) {
        try (out) {
            out.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the child stopped reading; its exit status tells the caller
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
