package org.vmbhyve.network;

import java.nio.charset.StandardCharsets;

/**
 * MD5 (RFC 1321) of a short text, as lower-case hex: how upstream derives interface groups and
 * vale port names from switch names ({@code md5 -qs}). By hand, not {@code MessageDigest}: the
 * first digest there sets up the security providers, 25 to 35 ms of every command that looks up
 * a switch (each guest start among them), for a hash of a dozen bytes that marks, not protects.
 */
final class Md5 {

    /** The per-round left rotations. */
    private static final int[] SHIFTS = {
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};

    /** floor(abs(sin(i + 1)) * 2^32), the standard's table T. */
    private static final int[] SINES = new int[64];

    static {
        for (int i = 0; i < 64; i++) {
            SINES[i] = (int) (long) StrictMath.floor(StrictMath.abs(StrictMath.sin(i + 1)) * 4294967296.0);
        }
    }

    private Md5() {
    }

    static String hex(String text) {
        byte[] digest = digest(text.getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder(32);
        for (byte b : digest) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    static byte[] digest(byte[] message) {
        // padding: a 1 bit, zeros to 56 bytes mod 64, then the length in bits, little-endian
        int blocks = (message.length + 8) / 64 + 1;
        byte[] padded = new byte[blocks * 64];
        System.arraycopy(message, 0, padded, 0, message.length);
        padded[message.length] = (byte) 0x80;
        long bits = (long) message.length * 8;
        for (int i = 0; i < 8; i++) {
            padded[padded.length - 8 + i] = (byte) (bits >>> (8 * i));
        }
        int a0 = 0x67452301;
        int b0 = 0xefcdab89;
        int c0 = 0x98badcfe;
        int d0 = 0x10325476;
        int[] words = new int[16];
        for (int block = 0; block < blocks; block++) {
            for (int i = 0; i < 16; i++) {
                int at = block * 64 + i * 4;
                words[i] = (padded[at] & 0xFF) | (padded[at + 1] & 0xFF) << 8 | (padded[at + 2] & 0xFF) << 16
                        | (padded[at + 3] & 0xFF) << 24;
            }
            int a = a0;
            int b = b0;
            int c = c0;
            int d = d0;
            for (int i = 0; i < 64; i++) {
                int f;
                int g;
                if (i < 16) {
                    f = (b & c) | (~b & d);
                    g = i;
                } else if (i < 32) {
                    f = (d & b) | (~d & c);
                    g = (5 * i + 1) % 16;
                } else if (i < 48) {
                    f = b ^ c ^ d;
                    g = (3 * i + 5) % 16;
                } else {
                    f = c ^ (b | ~d);
                    g = (7 * i) % 16;
                }
                int next = d;
                d = c;
                c = b;
                b = b + Integer.rotateLeft(a + f + SINES[i] + words[g], SHIFTS[i]);
                a = next;
            }
            a0 += a;
            b0 += b;
            c0 += c;
            d0 += d;
        }
        byte[] digest = new byte[16];
        int[] state = {a0, b0, c0, d0};
        for (int i = 0; i < 16; i++) {
            digest[i] = (byte) (state[i / 4] >>> (8 * (i % 4)));
        }
        return digest;
    }
}
