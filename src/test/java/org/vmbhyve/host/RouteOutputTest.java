package org.vmbhyve.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteOutputTest {

    @Test
    void readsTheRightAlignedKeysOfFreeBsd14And15() {
        List<String> n = HostOutput.lines("route-14-n-get-default.txt");
        assertEquals(Optional.of("vtnet0"), RouteOutput.value(n, "interface"));
        assertEquals(Optional.of("140.211.10.65"), RouteOutput.value(n, "gateway"));
        assertEquals(Optional.of("0.0.0.0"), RouteOutput.value(n, "route to"));
        assertEquals(Optional.of("0"), RouteOutput.value(n, "fib"));
        assertEquals(Optional.of("epair8b"), RouteOutput.value(HostOutput.lines("route-15.0-get-0-jail.txt"), "interface"));
        List<String> named = HostOutput.lines("route-15.0-get-0-jail-hostname.txt");
        assertEquals(Optional.of("epair6b"), RouteOutput.value(named, "interface"));
        assertEquals(Optional.of("unifi.localdomain"), RouteOutput.value(named, "gateway"));
    }

    @Test
    void theMetricsRowsAreNoKeys() {
        List<String> n = HostOutput.lines("route-14-n-get-default.txt");
        assertEquals(Optional.empty(), RouteOutput.value(n, "mtu"));
        assertEquals(Optional.empty(), RouteOutput.value(n, "recvpipe"));
        assertEquals(Optional.empty(), RouteOutput.value(List.of(), "interface"));
    }
}
