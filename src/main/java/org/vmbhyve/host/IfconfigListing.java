package org.vmbhyve.host;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.Chars;

/**
 * The status blocks of {@code ifconfig} or {@code ifconfig IF}, read by keyword rather than by
 * indentation or column: FreeBSD leads every status line with one TAB and a bridge member's
 * second line with a TAB and 8 spaces (sbin/ifconfig/ifbridge.c), but copies of it often carry
 * spaces or no indentation at all. An interface starts at a line {@code NAME: flags=...}.
 * Addresses read in the default form ({@code inet A netmask 0xffffff00}, {@code inet6 X prefixlen
 * 64}), {@code IFCONFIG_FORMAT=inet:dotted} and the CIDR forms ({@code inet A/24}, af_inet.c,
 * af_inet6.c). Plain loops only: {@code vm info} reads this (see StartupPathIT).
 */
public final class IfconfigListing {

    private IfconfigListing() {
    }

    /** An address and its prefix length, -1 when the line gave none. */
    public record Address(String address, int prefix) {
    }

    /** A bridge member: its flag names and its port (the member's interface index), -1 when not shown. */
    public record Member(String name, List<String> flags, int port) {

        public boolean isPrivate() {
            return flags.contains("PRIVATE");
        }
    }

    /**
     * One interface.
     *
     * @param mtu -1 when the header has none
     * @param description null when unset
     * @param openedBy the pid holding a tap open ({@code Opened by PID}), -1 when none
     */
    public record Interface(String name, List<String> flags, int mtu, String description, List<Address> inet,
                            List<Address> inet6, List<Member> members, List<String> groups, long openedBy) {

        /** Whether IF is listed as a member of this bridge. */
        public boolean hasMember(String iface) {
            for (Member member : members) {
                if (member.name().equals(iface)) {
                    return true;
                }
            }
            return false;
        }
    }

    public static List<Interface> parse(String text) {
        List<Interface> interfaces = new ArrayList<>();
        Builder current = null;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '\n') {
                continue;
            }
            String line = text.substring(start, i);
            start = i + 1;
            List<String> words = Chars.words(line);
            if (words.isEmpty()) {
                continue;
            }
            if (isHeader(line, words)) {
                if (current != null) {
                    interfaces.add(current.build());
                }
                current = new Builder(words);
            } else if (current != null) {
                current.add(line, words);
            }
        }
        if (current != null) {
            interfaces.add(current.build());
        }
        return interfaces;
    }

    /** The first interface of a listing ({@code ifconfig IF}), or null when there is none. */
    public static Interface first(String text) {
        List<Interface> interfaces = parse(text);
        return interfaces.isEmpty() ? null : interfaces.get(0);
    }

    private static boolean isHeader(String line, List<String> words) {
        return !Chars.isSpace(line.charAt(0)) && words.size() > 1 && words.get(0).endsWith(":")
                && words.get(1).startsWith("flags=");
    }

    /** The names in {@code flags=8843<UP,BROADCAST>}. */
    static List<String> flagNames(String word) {
        int open = word.indexOf('<');
        int close = word.lastIndexOf('>');
        List<String> names = new ArrayList<>();
        if (open < 0 || close < open) {
            return names;
        }
        int from = open + 1;
        for (int i = from; i <= close; i++) {
            if (i == close || word.charAt(i) == ',') {
                if (i > from) {
                    names.add(word.substring(from, i));
                }
                from = i + 1;
            }
        }
        return names;
    }

    /** ADDR[/PREFIX] [netmask 0xHEX|DOTTED] [prefixlen N] ...: the address and its prefix length. */
    static Address address(List<String> words) {
        String address = words.get(1);
        int prefix = -1;
        int slash = address.lastIndexOf('/');
        if (slash > 0 && Chars.isDigits(address.substring(slash + 1))) {
            prefix = Integer.parseInt(address.substring(slash + 1));
            address = address.substring(0, slash);
        }
        for (int i = 2; i + 1 < words.size(); i++) {
            String value = words.get(i + 1);
            if (words.get(i).equals("netmask")) {
                prefix = maskLength(value);
            } else if (words.get(i).equals("prefixlen") && Chars.isDigits(value)) {
                prefix = Integer.parseInt(value);
            }
        }
        return new Address(address, prefix);
    }

    /** The set bits of a netmask written {@code 0xffffff00} or {@code 255.255.255.0}; -1 when neither. */
    static int maskLength(String mask) {
        long bits;
        try {
            if (mask.startsWith("0x")) {
                bits = Long.parseLong(mask.substring(2), 16);
            } else {
                bits = 0;
                int octets = 0;
                int from = 0;
                for (int i = 0; i <= mask.length(); i++) {
                    if (i == mask.length() || mask.charAt(i) == '.') {
                        bits = (bits << 8) | Integer.parseInt(mask.substring(from, i));
                        octets++;
                        from = i + 1;
                    }
                }
                if (octets != 4) {
                    return -1;
                }
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        return Long.bitCount(bits & 0xffffffffL);
    }

    private static final class Builder {

        private final String name;
        private final List<String> flags;
        private int mtu = -1;
        private String description;
        private final List<Address> inet = new ArrayList<>();
        private final List<Address> inet6 = new ArrayList<>();
        private final List<Member> members = new ArrayList<>();
        private final List<String> groups = new ArrayList<>();
        private long openedBy = -1;

        Builder(List<String> header) {
            this.name = header.get(0).substring(0, header.get(0).length() - 1);
            this.flags = flagNames(header.get(1));
            for (int i = 2; i + 1 < header.size(); i++) {
                if (header.get(i).equals("mtu") && Chars.isDigits(header.get(i + 1))) {
                    mtu = Integer.parseInt(header.get(i + 1));
                }
            }
        }

        void add(String line, List<String> words) {
            String keyword = words.get(0);
            switch (keyword) {
                case "description:" -> description = line.substring(line.indexOf("description:") + 12).trim();
                case "inet" -> inet.add(address(words));
                case "inet6" -> inet6.add(address(words));
                case "member:" -> members.add(new Member(words.size() > 1 ? words.get(1) : "",
                        words.size() > 2 ? flagNames(words.get(2)) : List.of(), -1));
                case "ifmaxaddr", "port" -> memberPort(words);
                case "groups:" -> groups.addAll(words.subList(1, words.size()));
                case "Opened" -> {
                    String pid = words.get(words.size() - 1);
                    openedBy = Chars.isDigits(pid) ? Long.parseLong(pid) : -1;
                }
                default -> {
                    // options, ether, media, status, nd6 and the bridge's own lines: nothing vm uses
                }
            }
        }

        /** A member's continuation line ({@code ifmaxaddr 0 port 4 priority 128 ...}) gives its port. */
        private void memberPort(List<String> words) {
            if (members.isEmpty()) {
                return;
            }
            for (int i = 0; i + 1 < words.size(); i++) {
                if (words.get(i).equals("port") && Chars.isDigits(words.get(i + 1))) {
                    Member last = members.remove(members.size() - 1);
                    members.add(new Member(last.name(), last.flags(), Integer.parseInt(words.get(i + 1))));
                    return;
                }
            }
        }

        Interface build() {
            return new Interface(name, List.copyOf(flags), mtu, description, List.copyOf(inet), List.copyOf(inet6),
                    List.copyOf(members), List.copyOf(groups), openedBy);
        }
    }
}
