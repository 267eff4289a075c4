package org.vmbhyve.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunningGuestsTest {

    @Test
    void bhyveProcessesWinOverLoaders() {
        RunningGuests r = RunningGuests.parse("""
                101 bhyve: web1
                202 bhyveload -m 256M -e autoboot_delay=3 -d /vm/db1/disk0.img db1
                303 grub-bhyve -m /vm/web1/device.map -M 1G web1
                """);
        assertEquals(Optional.of(new RunningGuests.Process(101, false)), r.find("web1"));
        assertEquals(Optional.of(new RunningGuests.Process(202, true)), r.find("db1"));
        assertEquals(Optional.empty(), r.find("other"));
    }
}
