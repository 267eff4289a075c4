package org.vmbhyve.network;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The interface group that marks which interface belongs to a switch (or a VLAN port):
 * {@code viid-} + the first five hex digits of the name's MD5 + {@code @}. Bridges made by
 * upstream carry the same group, so they are found the same way.
 */
final class Viid {

    private Viid() {
    }

    static String of(String name) {
        return "viid-" + md5(name).substring(0, 5) + "@";
    }

    static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
