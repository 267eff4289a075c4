package org.vmbhyve.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsCommentsAndUnknownKeys() throws Exception {
        Path file = dir.resolve("g.conf");
        String original = "# header\nloader=\"uefi\"\nmy_own_key=\"keep me\"\n\n# trailing\ncpu=2\n";
        Files.writeString(file, original);
        ConfigFile conf = new ConfigFile(file);
        conf.set("cpu", "8");
        conf.set("uuid", "u-1");
        assertEquals("# header\nloader=\"uefi\"\nmy_own_key=\"keep me\"\n\n# trailing\ncpu=\"8\"\nuuid=\"u-1\"\n",
                Files.readString(file));
        assertEquals("keep me", conf.values().value("my_own_key"));
    }

    @Test
    void missingFinalNewlineIsMendedBeforeAppending() throws Exception {
        Path file = dir.resolve("g.conf");
        Files.writeString(file, "cpu=1");
        new ConfigFile(file).set("memory", "1G");
        assertEquals("cpu=1\nmemory=\"1G\"\n", Files.readString(file));
    }

    @Test
    void writeKeepsTheFileModeAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("system.conf");
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        new ConfigFile(file).set("console", "tmux");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var list = Files.list(dir)) {
            assertEquals(1, list.count());
        }
    }

    @Test
    void refusedValueLeavesTheFileAsItWas() throws Exception {
        Path file = dir.resolve("g.conf");
        Files.writeString(file, "cpu=1\n");
        assertThrows(IllegalArgumentException.class, () -> new ConfigFile(file).set("cpu", "1\"; reboot"));
        assertEquals("cpu=1\n", Files.readString(file));
    }
}
