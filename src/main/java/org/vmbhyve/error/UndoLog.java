package org.vmbhyve.error;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The changes a command has made to the host so far, each with the step that takes it back, so
 * that a failure halfway leaves the host as it was (DESIGN.md "When something fails"). Steps
 * are undone newest first; one that cannot be undone is named in the error, with the command
 * that removes it by hand.
 */
public final class UndoLog {

    private record Step(String how, BooleanSupplier undo) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();

    /**
     * @param how what a person would run to undo the change ({@code ifconfig vm-sw destroy})
     * @param undo undoes it, true when it did
     */
    public void add(String how, BooleanSupplier undo) {
        steps.push(new Step(how, undo));
    }

    /** The change is whole: nothing done so far is to be undone any more. */
    public void commit() {
        steps.clear();
    }

    /** Undoes every step after FAILURE; returns the exception to throw, naming what could not be undone. */
    public VmException failed(VmException failure) {
        List<String> left = undo();
        return left.isEmpty() ? failure : failure.leaving(left);
    }

    /** Undoes every step, newest first; returns the ones that failed. */
    private List<String> undo() {
        List<String> left = new ArrayList<>();
        // an undo step may redo work that logs steps of its own: those are not to be undone
        List<Step> todo = new ArrayList<>(steps);
        steps.clear();
        for (Step step : todo) {
            boolean done;
            try {
                done = step.undo().getAsBoolean();
            } catch (RuntimeException e) {
                done = false;
            }
            if (!done) {
                left.add(step.how());
            }
        }
        steps.clear();
        return left;
    }
}
