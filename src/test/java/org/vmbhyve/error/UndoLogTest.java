package org.vmbhyve.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UndoLogTest {

    private final UndoLog undo = new UndoLog();
    private final List<String> undone = new ArrayList<>();

    private void step(String name, boolean works) {
        undo.add("undo " + name, () -> {
            undone.add(name);
            return works;
        });
    }

    @Test
    void aFailureUndoesNewestFirstAndKeepsTheMessageAndToolMessage() {
        step("bridge", true);
        step("addm", true);
        VmException thrown = undo.failed(
                VmException.afterTool("ifconfig: BRDGADD em0: Device busy\n", "failed to add member em0"));
        assertEquals(List.of("addm", "bridge"), undone);
        assertEquals("failed to add member em0", thrown.getMessage());
        assertEquals("ifconfig: BRDGADD em0: Device busy", thrown.toolMessage());
        assertEquals(1, thrown.status());
    }

    @Test
    void whatCannotBeUndoneIsNamed() {
        step("mtu", false);
        step("bridge", true);
        VmException thrown = undo.failed(new VmException("failed", 2));
        assertEquals("failed; could not undo all of it, remove what is left with: undo mtu", thrown.getMessage());
        assertEquals(2, thrown.status());
    }

    @Test
    void aCommittedChangeIsNotUndoneByALaterFailure() {
        step("first", true);
        undo.commit();
        undo.failed(new VmException("later"));
        assertEquals(List.of(), undone);
    }

    @Test
    void anUndoStepThatThrowsCountsAsNotUndone() {
        undo.add("undo a", () -> {
            throw new IllegalStateException("bug");
        });
        step("b", true);
        VmException thrown = undo.failed(new VmException("failed"));
        assertEquals(List.of("b"), undone);
        assertEquals("failed; could not undo all of it, remove what is left with: undo a", thrown.getMessage());
    }

    @Test
    void eachStepIsUndoneOnce() {
        step("a", true);
        undo.failed(new VmException("first"));
        undo.failed(new VmException("second"));
        assertEquals(List.of("a"), undone);
    }
}
