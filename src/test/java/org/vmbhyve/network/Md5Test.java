package org.vmbhyve.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written MD5 against the JDK's, and against the standard's own test suite. */
class Md5Test {

    @Test
    void rfc1321TestSuite() {
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", Md5.hex(""));
        assertEquals("0cc175b9c0f1b6a831c399e269772661", Md5.hex("a"));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", Md5.hex("abc"));
        assertEquals("f96b697d7cb7938d525a2f31aaf161d0", Md5.hex("message digest"));
        assertEquals("c3fcd3d76192e4007dfb496cca67e13b", Md5.hex("abcdefghijklmnopqrstuvwxyz"));
        assertEquals("57edf4a22be3c955ac49da2e2107b67a",
                Md5.hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890"));
    }

    @Test
    void sameAsMessageDigestForEveryLengthAroundTheBlocks() throws Exception {
        Random random = new Random(3);
        for (int length = 0; length < 300; length++) {
            for (int round = 0; round < 5; round++) {
                byte[] message = new byte[length];
                random.nextBytes(message);
                assertArrayEquals(MessageDigest.getInstance("MD5").digest(message), Md5.digest(message), "length " + length);
            }
        }
    }

    /** Upstream's switch groups: {@code md5 -qs public | cut -c1-5}. */
    @Test
    void viidOfASwitchName() throws Exception {
        String expected = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest("public".getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 5);
        assertEquals("viid-" + expected + "@", Viid.of("public"));
    }
}
