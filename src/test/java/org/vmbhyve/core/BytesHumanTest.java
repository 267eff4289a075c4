package org.vmbhyve.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BytesHumanTest {

    @Test
    void matchesUpstreamExamples() {
        assertEquals("20.000G", BytesHuman.format(21474836480L));
        assertEquals("0.000B", BytesHuman.format(0));
        assertEquals("1023.000B", BytesHuman.format(1023));
        assertEquals("1.000K", BytesHuman.format(1024));
        assertEquals("1.499K", BytesHuman.format(1535));
    }

    @Test
    void kibibytesWithOneDecimalForListVerbose() {
        assertEquals("512.0M", BytesHuman.format(BigDecimal.valueOf(524288), 1, 1));
        assertEquals("900.0K", BytesHuman.format(BigDecimal.valueOf(900), 1, 1));
        assertEquals("1.2G", BytesHuman.format(BigDecimal.valueOf(1258291), 1, 1));
    }
}
