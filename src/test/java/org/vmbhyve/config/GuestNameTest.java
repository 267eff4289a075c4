package org.vmbhyve.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuestNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"ab", "web1", "Web-1.example_x", "a1", "0z"})
    void acceptsUpstreamNames(String name) {
        assertTrue(GuestName.isValid(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "../x", "a/b", "-ab", "ab-", ".ab", "a b", "a\nb", "web1\n../x", "a$b", "ä1"})
    void refusesOthers(String name) {
        assertFalse(GuestName.isValid(name));
    }

    @org.junit.jupiter.api.Test
    void lengthLimitIs231() {
        assertTrue(GuestName.isValid("a".repeat(231)));
        assertFalse(GuestName.isValid("a".repeat(232)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "../x", "a/b", "/etc"})
    void lookupNamesNeverLeaveTheDatastore(String name) {
        assertFalse(GuestName.isPathSafe(name));
    }
}
