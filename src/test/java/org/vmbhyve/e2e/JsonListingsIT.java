package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every listing's {@code --json} parses and says what its table says, row for row, on a fake
 * host with switches, datastores, guests, an image, media files and PCI devices; and asking for
 * JSON calls no host tool the table does not.
 */
class JsonListingsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(Files.createTempDirectory("vm-json-"));
        host.sh("fakehost-zfs-vmdir tank/vm");
        ok("init");
        host.sh("cp $TEMPLATES/default.conf vm/.templates/");
        ok("switch", "create", "-a", "192.0.2.1/24", "public");
        ok("switch", "address", "public", "3fff::1/64");
        Files.createDirectories(host.state.resolve("if/bridge7"));
        ok("switch", "create", "-t", "manual", "-b", "bridge7", "-p", "lab");
        ok("create", "-s", "10M", "web");
        ok("create", "-s", "10M", "-c", "2", "-m", "1G", "db");
        ok("tags", "add", "web", "prod", "frontend");
        ok("set", "console=tmux");
        // uncompressed: xz is no tool every test host has
        ok("image", "create", "-u", "-d", "base system", "web");
        Files.createDirectories(host.root.resolve("media"));
        ok("datastore", "iso", "media", host.root.resolve("media").toString());
        Files.writeString(host.vmDir.resolve(".iso/FreeBSD-14.iso"), "12345");
        Files.writeString(host.root.resolve("media/alpine.iso"), "1234567");
        Files.writeString(host.state.resolve("pciconf-lv"), """
                ppt0@pci0:6:0:0:\tclass=0x020000 rev=0x01 hdr=0x00 vendor=0x8086 device=0x10d3 subvendor=0x8086 subdevice=0xa01f
                    vendor     = 'Intel Corporation'
                    device     = '82574L Gigabit Network Connection'
                    class      = network
                    subclass   = ethernet
                em0@pci0:2:0:0:\tclass=0x020000 rev=0x02 hdr=0x00 vendor=0x8086 device=0x100e subvendor=0x8086 subdevice=0x001e
                    vendor     = 'Intel Corporation'
                    device     = '82540EM Gigabit Ethernet Controller'
                    class      = network
                    subclass   = ethernet
                """);
    }

    @AfterEach
    void tearDown() throws Exception {
        Replay.cleanUp(host);
    }

    private FakeHost.Run ok(String... args) throws Exception {
        FakeHost.Run run = host.vm(args);
        assertEquals(0, run.exit(), String.join(" ", args) + ": " + run.stderr());
        return run;
    }

    /** The table (header dropped) and the parsed JSON of the same command; JSON calls no other host tool. */
    private record Pair(List<String> rows, JsonNode json) {
    }

    private Pair both(String... args) throws Exception {
        FakeHost.Run table = ok(args);
        List<String> withJson = new ArrayList<>(List.of(args));
        int at = withJson.size();
        while (at > 0 && !withJson.get(at - 1).startsWith("-") && !isWord(args, at - 1)) {
            at--;
        }
        withJson.add(at, "--json");
        FakeHost.Run json = ok(withJson.toArray(String[]::new));
        assertEquals(table.hostCalls(), json.hostCalls(), "host calls of " + withJson);
        List<String> lines = new ArrayList<>(List.of(table.stdout().split("\n")));
        lines.remove(0);
        return new Pair(lines, JSON.readTree(json.stdout()));
    }

    /** Words before the operands: the command and sub-command. */
    private static boolean isWord(String[] args, int index) {
        return index == 0 || (index == 1 && List.of("switch", "datastore", "image", "tags").contains(args[0]));
    }

    /** Each JSON row's fields, as text, appear in its table row, in order. */
    private static void rowForRow(Pair pair, String... fields) {
        assertEquals(pair.rows().size(), pair.json().size(), pair.rows() + " vs " + pair.json());
        for (int i = 0; i < pair.rows().size(); i++) {
            String row = pair.rows().get(i).toLowerCase(Locale.ROOT);
            int from = 0;
            for (String field : fields) {
                JsonNode node = pair.json().get(i).get(field);
                assertTrue(node != null, field + " missing in " + pair.json().get(i));
                String text = node.isArray() ? join(node) : node.isNull() ? "-" : node.asText();
                int found = row.indexOf(text.toLowerCase(Locale.ROOT), from);
                assertTrue(found >= 0, field + "=" + text + " not in row " + i + ": " + row);
                from = found + text.length();
            }
        }
    }

    private static String join(JsonNode array) {
        List<String> words = new ArrayList<>();
        array.forEach(n -> words.add(n.asText()));
        return String.join(",", words);
    }

    @Test
    void guestListAndInfo() throws Exception {
        Pair list = both("list");
        rowForRow(list, "name", "datastore", "loader", "cpu", "memory", "vnc", "state", "tags");
        assertEquals(1073741824, list.json().get(0).get("memoryBytes").asLong());
        assertEquals("stopped", list.json().get(0).get("state").asText());
        assertTrue(list.json().get(0).get("autostart").isBoolean());

        FakeHost.Run info = ok("info");
        JsonNode details = JSON.readTree(ok("info", "--json").stdout());
        List<String> blocks = List.of(info.stdout().split("\n\n------------------------\n"));
        assertEquals(blocks.size(), details.size());
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode guest = details.get(i);
            assertTrue(blocks.get(i).contains("Virtual Machine: " + guest.get("name").asText() + "\n"), blocks.get(i));
            assertTrue(blocks.get(i).contains("  state: " + guest.get("state").asText() + "\n"));
            assertTrue(blocks.get(i).contains("  memory: " + guest.get("memory").asText() + "\n"));
            JsonNode disk = guest.get("virtualDisks").get(0);
            assertTrue(blocks.get(i).contains("    bytes-size: " + disk.get("bytesSize").asLong() + " ("));
        }
    }

    @Test
    void switchListAndInfo() throws Exception {
        Pair list = both("switch", "list");
        // the second address of a switch has a row of its own
        assertEquals(3, list.rows().size());
        assertEquals("3fff::1/64", list.rows().get(1).trim());
        rowForRow(new Pair(List.of(list.rows().get(0), list.rows().get(2)), list.json()),
                "name", "type", "privateMode");
        JsonNode lab = list.json().get(1);
        assertEquals("bridge7", lab.get("iface").asText());
        assertTrue(lab.get("mtu").isNull());
        assertEquals("3fff::1/64", list.json().get(0).get("address6").asText());

        FakeHost.Run info = ok("switch", "info");
        JsonNode details = JSON.readTree(ok("switch", "info", "--json").stdout());
        assertEquals(2, details.size());
        assertFalse(details.get(0).get("nat").asBoolean());
        assertTrue(details.get(0).get("dhcpRange").isNull());
        for (JsonNode sw : details) {
            assertTrue(info.stdout().contains("Virtual Switch: " + sw.get("name").asText() + "\n------------------------\n"
                    + "  type: " + sw.get("type").asText() + "\n  ident: " + sw.get("ident").asText() + "\n"), info.stdout());
        }
    }

    @Test
    void datastoresImagesMediaTagsPassthruAndSettings() throws Exception {
        rowForRow(both("datastore", "list"), "name", "type", "path", "dataset");
        Pair images = both("image", "list");
        rowForRow(images, "uuid", "name", "created", "description");
        assertEquals("base system", images.json().get(0).get("description").asText());

        Pair iso = both("iso");
        rowForRow(iso, "datastore", "filename");
        assertEquals(5, iso.json().get(0).get("bytes").asLong());
        assertEquals(7, iso.json().get(1).get("bytes").asLong());

        Pair passthru = both("passthru");
        rowForRow(passthru, "device", "bhyveId", "description");
        assertEquals(List.of(true, false), List.of(passthru.json().get(0).get("ready").asBoolean(),
                passthru.json().get(1).get("ready").asBoolean()));

        Pair settings = both("get", "all");
        rowForRow(settings, "setting", "value");
        assertEquals("tmux", settings.json().get(0).get("value").asText());

        FakeHost.Run tags = ok("tags", "list", "web");
        JsonNode tagsJson = JSON.readTree(ok("tags", "list", "--json", "web").stdout());
        assertEquals(tags.stdout().trim(), String.join(" ", JSON.convertValue(tagsJson.get("tags"), List.class)));
        assertEquals("web", tagsJson.get("name").asText());
    }

    /** Start-up speed: the JSON library is loaded only when --json asks for it. */
    @Test
    void jacksonLoadsOnlyForJson() throws Exception {
        List<List<String>> commands = List.of(List.of("list"), List.of("info"), List.of("switch", "list"),
                List.of("switch", "info"), List.of("datastore", "list"), List.of("image", "list"), List.of("iso"),
                List.of("tags", "list", "web"), List.of("passthru"), List.of("get", "all"), List.of("check"));
        for (List<String> command : commands) {
            assertFalse(loadedClasses(command).contains("com.fasterxml"), command.toString());
        }
        assertTrue(loadedClasses(List.of("check", "--json")).contains("com.fasterxml.jackson.databind.ObjectMapper"));
    }

    /** The class-loading log of the jar run directly (the launcher turns JVM logging off). */
    private String loadedClasses(List<String> args) throws Exception {
        Path log = host.root.resolve("classes.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        host.sh(java + " -Xlog:class+load=info:file=" + log + " -jar " + FakeHost.PROJECT.resolve("target/vm-bhyve.jar")
                + " " + String.join(" ", args) + " >/dev/null 2>&1 || true");
        return Files.readString(log);
    }
}
