package org.vmbhyve.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.vmbhyve.ProjectVersion;

/** The per-command help blocks and the command overview, kept as text resources. */
final class HelpText {

    /** Upstream's version line, with this project's version (it matches vm-bhyve 1.8-devel). */
    static final String VERSION = "vm-bhyve: Bhyve virtual machine management v" + ProjectVersion.VERSION;

    private HelpText() {
    }

    /** The block for a command; get/set and configure/edit share one each; {@code _run} has none. */
    static String block(String command) {
        String name = switch (command) {
            case "get", "set" -> "get_set";
            case "configure", "edit" -> "configure";
            default -> command;
        };
        return command.equals("_run") ? "" : resource(name + ".txt");
    }

    /** What {@code vm usage} prints: the version line, then the overview. */
    static String usage() {
        return VERSION + "\n" + resource("usage.txt");
    }

    /** The completion script for bash or zsh. */
    static String completionScript(String shell) {
        return read("completion/vm." + shell);
    }

    private static String resource(String file) {
        return read("help/" + file);
    }

    private static String read(String file) {
        try (InputStream in = HelpText.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing help resource " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
