package org.vmbhyve.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuestKeyTest {

    @Test
    void numberedFamiliesMatchEveryNumberWithoutLeadingZeros() {
        assertEquals(Optional.of(GuestKey.DISK_NAME), GuestKey.of("disk0_name"));
        assertEquals(Optional.of(GuestKey.DISK_NAME), GuestKey.of("disk12_name"));
        assertEquals(Optional.empty(), GuestKey.of("disk01_name"));
        assertEquals(Optional.of(GuestKey.PASSTHRU), GuestKey.of("passthru3"));
        assertEquals(Optional.of(GuestKey.PASSTHRU_OPTIONS), GuestKey.of("passthru3_options"));
        assertEquals(Optional.of(GuestKey.GRUB_RUN), GuestKey.of("grub_run1"));
        assertEquals(Optional.of(GuestKey.GRUB_RUN_DIR), GuestKey.of("grub_run_dir"));
        assertEquals("network2_mac", GuestKey.NETWORK_MAC.at(2));
    }

    @Test
    void singleKeysAndTheLegacyName() {
        assertEquals(Optional.of(GuestKey.MEMORY), GuestKey.of("memory"));
        assertEquals(Optional.empty(), GuestKey.of("memroy"));
        assertEquals("memory", GuestKey.MEMORY.key());
        assertThrows(IllegalStateException.class, GuestKey.DISK_NAME::key);
        assertEquals(Optional.of("ignore_msr"), GuestKey.IGNORE_BAD_MSR.preferred());
        assertEquals(Optional.empty(), GuestKey.IGNORE_MSR.preferred());
    }

    @Test
    void sizesReadAsBhyveAndTruncateDo() {
        assertEquals(Optional.of(512L << 20), Size.memory("512M"));
        assertEquals(Optional.of(2L << 30), Size.memory("2g"));
        assertEquals(Optional.of(1024L << 20), Size.memory("1024"));
        assertEquals(Optional.of(1024L), Size.bytes("1K", 1));
        assertEquals(Optional.empty(), Size.memory("2GB"));
        assertEquals(Optional.empty(), Size.memory(""));
    }
}
