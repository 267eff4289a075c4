package org.vmbhyve.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyNamesTest {

    @Test
    void typosFindTheKnownKeyWithTheSameNumber() {
        assertEquals(Optional.of("disk3_name"), KeyNames.nearest("dsik3_name"));
        assertEquals(Optional.of("network1_switch"), KeyNames.nearest("network1_swich"));
        assertEquals(Optional.of("graphics_res"), KeyNames.nearest("grapics_res"));
        assertEquals(Optional.of("ignore_msr"), KeyNames.nearest("ignore_msrs"));
    }

    @Test
    void legacyNamesAreNeverSuggestedAndFarKeysGetNoHint() {
        assertEquals(Optional.of("ignore_msr"), KeyNames.nearest("ignore_bad_msrs"));
        assertEquals(Optional.empty(), KeyNames.nearest("completely_unrelated_thing"));
    }

    @Test
    void distanceCountsEdits() {
        assertEquals(0, KeyNames.distance("cpu", "cpu"));
        assertEquals(1, KeyNames.distance("cpu", "cpus"));
        assertEquals(2, KeyNames.distance("dsik", "disk"));
        assertEquals(3, KeyNames.distance("", "abc"));
    }
}
