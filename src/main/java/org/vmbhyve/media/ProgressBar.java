package org.vmbhyve.media;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A one-line progress display for a terminal: percent (when the length is known), bytes and
 * rate, redrawn in place with a carriage return, at most ten times a second.
 */
final class ProgressBar implements Progress {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private final PrintWriter out;
    private final long total;
    private final LongSupplier nanoTime;
    private final long start;
    private long bytes;
    private long lastDraw;
    private int lastWidth;

    /** @param total the expected length, or a negative number when unknown */
    ProgressBar(PrintWriter out, long total, LongSupplier nanoTime) {
        this.out = out;
        this.total = total;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.lastDraw = start - REDRAW_NANOS;
    }

    @Override
    public void advance(long bytes) {
        this.bytes = bytes;
        long now = nanoTime.getAsLong();
        if (now - lastDraw >= REDRAW_NANOS) {
            draw(now);
        }
    }

    @Override
    public void done() {
        draw(nanoTime.getAsLong());
        out.println();
        out.flush();
    }

    private void draw(long now) {
        lastDraw = now;
        long rate = (long) (bytes / (Math.max(now - start, 1) / 1e9));
        String line = total > 0
                ? String.format("%3d%%  %s of %s  %s/s", Math.min(100, bytes * 100 / total), human(bytes), human(total), human(rate))
                : String.format("%s  %s/s", human(bytes), human(rate));
        // blanks wipe what a longer previous line left behind
        out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        out.flush();
        lastWidth = line.length();
    }

    static String human(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format("%.1f %s", value, UNITS[unit]);
    }
}
