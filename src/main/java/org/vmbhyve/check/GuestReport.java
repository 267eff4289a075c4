package org.vmbhyve.check;

import java.util.List;
import org.vmbhyve.core.TextBlock;

/** What {@code vm check} found for one guest; the components are its {@code --json} fields. */
public record GuestReport(String name, List<Finding> findings) implements TextBlock {

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.level().equals("error"));
    }

    /** The text: a line per finding ({@code NAME: LEVEL: KEY: MESSAGE}), or {@code NAME: ok}. */
    @Override
    public String render() {
        if (findings.isEmpty()) {
            return name + ": ok\n";
        }
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            out.append(name).append(": ").append(f.level()).append(": ");
            if (f.key() != null) {
                out.append(f.key()).append(": ");
            }
            out.append(f.message()).append('\n');
        }
        return out.toString();
    }
}
