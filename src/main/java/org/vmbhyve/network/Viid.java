package org.vmbhyve.network;

/**
 * The interface group that marks which interface belongs to a switch (or a VLAN port):
 * {@code viid-} + the first five hex digits of the name's MD5 + {@code @}. Bridges made by
 * upstream carry the same group, so they are found the same way.
 */
final class Viid {

    private Viid() {
    }

    static String of(String name) {
        return "viid-" + Md5.hex(name).substring(0, 5) + "@";
    }
}
