package org.vmbhyve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The manual page's SYNOPSIS, {@code vm usage} and the help blocks name exactly the commands and
 * flags the code accepts: walks the command tree and each command's declared options.
 */
class DocumentationTest {

    private static final Pattern FLAG = Pattern.compile("\\bFl (-?[A-Za-z0-9-]+)");

    /** Upstream has no help block for these: {@code vm help init} shows the overview. */
    private static final List<String> NO_BLOCK = List.of("init", "usage", "version");

    /** Every command path the code accepts ("list", "switch create"), with its documented flags. */
    private static Map<String, TreeSet<String>> codeCommands() {
        Map<String, TreeSet<String>> commands = new TreeMap<>();
        for (String name : CommandTree.names()) {
            if (name.startsWith("_")) {
                continue;
            }
            CliCommand command = CommandTree.create(name);
            if (command instanceof GroupCommand group) {
                for (String sub : group.subwords()) {
                    if (!sub.equals("help")) {
                        commands.put(name + " " + sub, flags(group.subcommand(sub)));
                    }
                }
            } else {
                commands.put(name, command == null ? null : flags(command));
            }
        }
        return commands;
    }

    private static TreeSet<String> flags(CliCommand command) {
        TreeSet<String> flags = new TreeSet<>();
        for (OptionSpec option : CommandOptions.of(command).options()) {
            if (!option.hidden()) {
                flags.addAll(List.of(option.names()));
            }
        }
        return flags;
    }

    /** The SYNOPSIS of man/vm.8: command path (its .Cm words) to the flags named with .Fl. */
    private static Map<String, TreeSet<String>> manualCommands() throws IOException {
        String page = Files.readString(Path.of("man/vm.8"));
        String synopsis = page.substring(page.indexOf(".Sh SYNOPSIS"), page.indexOf(".Sh DESCRIPTION"));
        Map<String, TreeSet<String>> commands = new TreeMap<>();
        for (String block : synopsis.split("\n\\.Nm\n")) {
            List<String> lines = List.of(block.split("\n"));
            if (lines.isEmpty() || !lines.get(0).startsWith(".Cm ")) {
                continue;
            }
            String command = lines.get(0).substring(4).trim();
            TreeSet<String> flags = commands.computeIfAbsent(command, c -> new TreeSet<>());
            for (String line : lines) {
                Matcher m = FLAG.matcher(line);
                while (m.find()) {
                    String word = m.group(1);
                    if (word.startsWith("-")) {
                        flags.add("-" + word);
                    } else {
                        word.chars().forEach(c -> flags.add("-" + (char) c));
                    }
                }
            }
        }
        return commands;
    }

    @Test
    void theManualsSynopsisHasEveryCommandAndFlagAndNoOther() throws IOException {
        Map<String, TreeSet<String>> code = codeCommands();
        Map<String, TreeSet<String>> manual = manualCommands();
        TreeSet<String> manualTop = new TreeSet<>();
        manual.keySet().forEach(c -> manualTop.add(c.split(" ")[0]));
        TreeSet<String> codeTop = new TreeSet<>();
        code.keySet().forEach(c -> codeTop.add(c.split(" ")[0]));
        assertEquals(codeTop, manualTop, "top-level commands");
        for (Map.Entry<String, TreeSet<String>> entry : code.entrySet()) {
            if (entry.getKey().contains(" ")) {
                assertTrue(manual.containsKey(entry.getKey()), "manual lacks " + entry.getKey());
            }
            if (entry.getValue() != null && manual.containsKey(entry.getKey())) {
                assertEquals(entry.getValue(), manual.get(entry.getKey()), "flags of " + entry.getKey());
            }
        }
    }

    @Test
    void usageAndHelpBlocksNameEveryCommandAndFlag() {
        String usage = HelpText.usage();
        Map<String, TreeSet<String>> code = codeCommands();
        for (String command : code.keySet()) {
            String top = command.split(" ")[0];
            assertTrue(usage.contains("\n  " + top + " "), "usage lacks " + top);
            if (NO_BLOCK.contains(top)) {
                continue;
            }
            String block = HelpText.block(top);
            assertTrue(block.startsWith("Usage:\n"), "help block of " + top);
            if (command.contains(" ")) {
                assertTrue(block.contains("vm " + command), "help of " + top + " lacks " + command);
            }
            TreeSet<String> flags = code.get(command);
            if (flags == null) {
                continue;
            }
            String synopsis = block.substring(0, (block + "\n\n").indexOf("\n\n"));
            for (String flag : flags) {
                Pattern named = flag.startsWith("--") ? Pattern.compile(Pattern.quote(flag) + "\\b")
                        : Pattern.compile("\\[?-[A-Za-z0-9]*" + Pattern.quote(flag.substring(1)) + "[A-Za-z0-9]*\\b");
                assertTrue(named.matcher(synopsis).find(), "help of " + command + " lacks " + flag);
            }
        }
    }

    @Test
    void helpSynopsesNameNoFlagTheCodeRejects() {
        Map<String, TreeSet<String>> code = codeCommands();
        Pattern flag = Pattern.compile("(?<![A-Za-z0-9<])(--?[A-Za-z0-9][A-Za-z0-9-]*)");
        List<String> problems = new ArrayList<>();
        code.forEach((command, flags) -> {
            if (flags == null || NO_BLOCK.contains(command)) {
                return;
            }
            String block = HelpText.block(command.split(" ")[0]);
            for (String line : block.substring(0, (block + "\n\n").indexOf("\n\n")).split("\n")) {
                if (!line.contains("vm " + command + " ") && !line.endsWith("vm " + command)) {
                    continue;
                }
                Matcher m = flag.matcher(line);
                while (m.find()) {
                    String word = m.group(1);
                    List<String> named = word.startsWith("--") ? List.of(word)
                            : word.substring(1).chars().mapToObj(c -> "-" + (char) c).toList();
                    named.stream().filter(f -> !flags.contains(f)).forEach(f -> problems.add(command + ": " + f));
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    /** mandoc's checker finds nothing of warning level or worse (skipped where mandoc is missing). */
    @Test
    void theManualPassesMandocLint() throws Exception {
        boolean present = Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "mandoc")));
        Assumptions.assumeTrue(present, "mandoc is not installed");
        Process lint = new ProcessBuilder("mandoc", "-Tlint", "-W", "warning", "man/vm.8").redirectErrorStream(true).start();
        String out = new String(lint.getInputStream().readAllBytes());
        assertEquals(0, lint.waitFor(), out);
        assertEquals("", out);
    }
}
