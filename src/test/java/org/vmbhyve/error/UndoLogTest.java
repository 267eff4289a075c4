package org.vmbhyve.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        VmException thrown = assertThrows(VmException.class, () -> undo.attempt(() -> {
            step("bridge", true);
            step("addm", true);
            throw VmException.afterTool("ifconfig: BRDGADD em0: Device busy\n", "failed to add member em0");
        }));
        assertEquals(List.of("addm", "bridge"), undone);
        assertEquals("failed to add member em0", thrown.getMessage());
        assertEquals("ifconfig: BRDGADD em0: Device busy", thrown.toolMessage());
        assertEquals(1, thrown.status());
    }

    @Test
    void whatCannotBeUndoneIsNamed() {
        VmException thrown = assertThrows(VmException.class, () -> undo.attempt(() -> {
            step("mtu", false);
            step("bridge", true);
            throw new VmException("failed", 2);
        }));
        assertEquals("failed; could not undo all of it, remove what is left with: undo mtu", thrown.getMessage());
        assertEquals(2, thrown.status());
    }

    @Test
    void aSuccessForgetsItsSteps() {
        undo.attempt(() -> step("first", true));
        assertThrows(VmException.class, () -> undo.attempt(() -> {
            throw new VmException("later");
        }));
        assertEquals(List.of(), undone);
    }

    @Test
    void anInnerSuccessLeavesItsStepsToTheOuterAttempt() {
        assertThrows(VmException.class, () -> undo.attempt(() -> {
            undo.attempt(() -> step("inner", true));
            throw new VmException("outer fails");
        }));
        assertEquals(List.of("inner"), undone);
    }

    @Test
    void otherExceptionsUndoToo() {
        assertThrows(IllegalStateException.class, () -> undo.attempt(() -> {
            step("a", true);
            throw new IllegalStateException("bug");
        }));
        assertEquals(List.of("a"), undone);
    }
}
