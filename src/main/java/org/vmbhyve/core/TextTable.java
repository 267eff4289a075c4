package org.vmbhyve.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code column -t} layout upstream pipes its listings through: every column but a row's
 * last is padded to the widest cell of that column plus two spaces. Like BSD column, an empty
 * cell is dropped and the rest of its row moves left.
 */
public final class TextTable {

    private final List<List<String>> rows = new ArrayList<>();

    public TextTable row(List<String> cells) {
        List<String> kept = new ArrayList<>(cells.size());
        for (String cell : cells) {
            if (!cell.isEmpty()) {
                kept.add(cell);
            }
        }
        rows.add(kept);
        return this;
    }

    public TextTable row(String... cells) {
        return row(List.of(cells));
    }

    public String render() {
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                int len = row.get(i).length();
                if (i == widths.size()) {
                    widths.add(len);
                } else if (len > widths.get(i)) {
                    widths.set(i, len);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                out.append(cell);
                if (i < row.size() - 1) {
                    out.append(" ".repeat(widths.get(i) - cell.length() + 2));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }
}
