package org.vmbhyve.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final StringWriter text = new StringWriter();
    private final AtomicLong now = new AtomicLong();

    @Test
    void knownLengthShowsPercentBytesAndRateAtMostTenTimesASecond() {
        ProgressBar bar = new ProgressBar(new PrintWriter(text), 4 << 20, now::get);
        now.set(500_000_000L);
        bar.advance(1 << 20);
        now.set(550_000_000L);
        bar.advance(2 << 20); // too soon: not drawn
        now.set(1_000_000_000L);
        bar.done();
        assertEquals("\r 25%  1.0 MiB of 4.0 MiB  2.0 MiB/s\r 50%  2.0 MiB of 4.0 MiB  2.0 MiB/s\n", text.toString());
    }

    @Test
    void unknownLengthShowsBytesAndRate() {
        ProgressBar bar = new ProgressBar(new PrintWriter(text), -1, now::get);
        now.set(2_000_000_000L);
        bar.advance(1000);
        bar.done();
        assertEquals("\r1000 B  500 B/s\r1000 B  500 B/s\n", text.toString());
    }
}
