package org.vmbhyve.e2e;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Replays upstream's recorded runs (spec/examples) with the real launcher on the fake host. */
class ExamplesIT {

    /**
     * The examples this version can replay, and how many of their steps (the rest need commands
     * of later issues). A whole example also has its final tree compared.
     */
    private static final Map<String, Integer> REPLAYED = Map.of(
            "list-info", Integer.MAX_VALUE,
            "errors", Integer.MAX_VALUE,
            "switch-basics", Integer.MAX_VALUE,
            "switch-vlan", Integer.MAX_VALUE,
            "start-freebsd", Integer.MAX_VALUE,
            "start-grub", Integer.MAX_VALUE,
            "start-install", Integer.MAX_VALUE,
            "start-devices", Integer.MAX_VALUE);

    /**
     * Steps whose recorded stderr is noise from the recording machine, not upstream's output:
     * upstream ran under bash, which rejects its broken {@code [ config::yesno ... ]} test louder
     * than FreeBSD's sh. (The usage Linux's netstat printed there for {@code -biI} is compared:
     * the fake netstat prints it too, which proves vm lets that call's stderr through.)
     */
    private static final Set<String> RECORDING_NOISE = Set.of("start-grub step 5");

    @TestFactory
    Stream<DynamicTest> examples() {
        return REPLAYED.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> Replay.cleanUp(
                        Replay.run(RecordedExample.load("examples", e.getKey()), e.getValue(), RECORDING_NOISE))));
    }
}
