package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.core.TextBlock;

/**
 * The output of a command that describes things one block at a time ({@code info},
 * {@code switch info}, {@code check}): each text block is printed as soon as it is made, so
 * earlier blocks show before a later lookup fails, as upstream's do; with {@code --json} the
 * blocks are kept and printed as one JSON array at the end.
 */
final class Blocks<T extends TextBlock> {

    private final CliCommand command;
    private final boolean json;
    private final List<T> shown = new ArrayList<>();

    Blocks(CliCommand command, boolean json) {
        this.command = command;
        this.json = json;
    }

    void add(T block) {
        shown.add(block);
        if (!json) {
            command.print(block.render());
        }
    }

    /** Prints the JSON array, when asked for; returns every block shown. */
    List<T> finish() {
        if (json) {
            command.print(JsonOutput.render(shown));
        }
        return shown;
    }
}
