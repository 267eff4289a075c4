package org.vmbhyve.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.run.GuestMachine;
import org.vmbhyve.run.GuestNic;

class RunStateTest {

    @TempDir
    Path dir;

    @Test
    void whatOneStepWritesTheNextReadsBack() {
        String config = "loader=\"uefi\"  # the firmware\ncpu=2\nmemory=1G\ngraphics_res=\"1024x768\"\n"
                + "network0_type=\"virtio-net\"\nnetwork1_type=\"e1000\"\ncomments=a = b\ncpu=4\n";
        ConfigValues values = ConfigValues.parse(config);
        GuestMachine.Facts facts = new GuestMachine.Facts(values.text(), "2,sockets=1,cores=2",
                "/usr/local/share/uefi-firmware/BHYVE UEFI.fd", 5900,
                List.of(new GuestNic("virtio-net", "tap0", "58:9c:fc:00:00:01"),
                        new GuestNic("e1000", null, "58:9c:fc:00:00:02")),
                List.of("tap0"), false, true);
        Path file = dir.resolve("web.state");
        new RunState(3, facts).write(file);

        RunState read = RunState.read(file).orElseThrow();
        assertEquals(3, read.run());
        assertEquals(facts, read.facts());
        ConfigValues again = ConfigValues.parse(read.facts().config());
        for (String key : List.of("loader", "cpu", "memory", "graphics_res", "network1_type", "comments")) {
            assertEquals(values.value(key), again.value(key), key);
        }
        assertEquals("2", again.value("cpu"), "the first line of a key wins, as before");
    }

    @Test
    void noStateReadsAsNone() {
        assertTrue(RunState.read(dir.resolve("none.state")).isEmpty());
        assertEquals(List.of(), Arrays.asList(dir.toFile().list()));
    }
}
