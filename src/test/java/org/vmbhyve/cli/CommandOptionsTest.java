package org.vmbhyve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Option;

/**
 * Options are declared in code, never by picocli's annotations: reading those builds the model
 * by reflection and makes the JDK generate annotation proxy classes on every run, which no
 * start-up archive holds. One annotated option would bring that cost back unnoticed.
 */
class CommandOptionsTest {

    /** What in a class file shows annotation-driven picocli: an annotation's type, or a call that reads them. */
    private static final List<String> REFLECTIVE = List.of("Lpicocli/CommandLine$Command;",
            "Lpicocli/CommandLine$Option;", "Lpicocli/CommandLine$Parameters;", "Lpicocli/CommandLine$Mixin;",
            "Lpicocli/CommandLine$ArgGroup;", "Lpicocli/CommandLine$Spec;", "Lpicocli/CommandLine$ParentCommand;",
            "Lpicocli/CommandLine$Unmatched;", "forAnnotatedObject", "forAnnotatedClass", "populateCommand",
            "populateSpec");

    @Test
    void noClassOfOursUsesPicocliAnnotations() throws Exception {
        Path root = Path.of(CliCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root.resolve("org/vmbhyve"))) {
            List<Path> classes = files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
            assertTrue(classes.contains(root.resolve("org/vmbhyve/cli/CommandOptions.class")), "classes in " + root);
            List<String> found = classes.stream()
                    .flatMap(file -> markers(file).stream().map(m -> root.relativize(file) + ": " + m)).toList();
            assertEquals(List.of(), found);
        }
    }

    /** The check above can fail: it finds the annotated option of this test's fixture. */
    @Test
    void anAnnotatedOptionIsFound() throws Exception {
        Path fixture = Path.of(Annotated.class.getResource("CommandOptionsTest$Annotated.class").toURI());
        assertEquals(List.of("Lpicocli/CommandLine$Option;"), markers(fixture));
    }

    /** migrate's -1 and -2 set one stage; the last one given wins, as upstream's getopts loop does. */
    @Test
    void ofMigratesStageFlagsTheLastWins() {
        MigrateCommand migrate = new MigrateCommand();
        assertTrue(Getopts.apply(CommandOptions.of(migrate), List.of("-12", "-1", "-2n", "web", "host"),
                migrate.onBadOption(), new PrintWriter(new StringWriter())));
        assertEquals("-2", migrate.stage.get());
        assertTrue(migrate.noStart.isSet());
        assertEquals(List.of("web", "host"), migrate.args);
    }

    @Test
    void hiddenAndIgnoredFlagsAreAcceptedButNotListed() {
        SnapshotCommand snapshot = new SnapshotCommand();
        var spec = CommandOptions.of(snapshot);
        assertTrue(Getopts.apply(spec, List.of("-itv", "web"), snapshot.onBadOption(), new PrintWriter(new StringWriter())));
        assertTrue(snapshot.interactive.isSet());
        assertEquals(List.of("web"), snapshot.args);
        assertEquals(List.of("-f"), spec.options().stream().filter(o -> !o.hidden()).map(o -> o.names()[0]).toList());
    }

    /** The markers a class file names (its constant pool holds names and descriptors as plain text). */
    private static List<String> markers(Path classFile) {
        try {
            String text = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
            return REFLECTIVE.stream().filter(text::contains).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A command declared the old way, for the check to find. */
    static final class Annotated {
        @Option(names = "-x")
        boolean x;
    }
}
