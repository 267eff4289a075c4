package org.vmbhyve.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmbhyve.config.ConfigValues;

class PassthruUsersTest {

    @Test
    void devicesUntilTheFirstGapWithoutTheirGuestPosition() {
        assertEquals(List.of("3/0/0", "4/0/1"), PassthruUsers.devices(ConfigValues.parse(
                "passthru0=\"3/0/0\"\npassthru1=\"4/0/1=6:1\"\npassthru3=\"5/0/0\"\n")));
        assertEquals(List.of(), PassthruUsers.devices(ConfigValues.parse("cpu=1\n")));
    }
}
