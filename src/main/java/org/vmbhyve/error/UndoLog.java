package org.vmbhyve.error;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

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
    /** Attempts in progress: an inner one that succeeds leaves its steps to the outer one. */
    private int depth;

    /**
     * @param how what a person would run to undo the change ({@code ifconfig vm-sw destroy})
     * @param undo undoes it, true when it did
     */
    public void add(String how, BooleanSupplier undo) {
        steps.push(new Step(how, undo));
    }

    /** Runs ACTION; when it fails, undoes what it logged and rethrows, naming whatever is left. */
    public <T> T attempt(Supplier<T> action) {
        depth++;
        try {
            T result = action.get();
            if (depth == 1) {
                steps.clear();
            }
            return result;
        } catch (VmException e) {
            throw failed(e);
        } catch (RuntimeException e) {
            undo();
            throw e;
        } finally {
            depth--;
        }
    }

    /** As {@link #attempt(Supplier)}, written out: a lambda here would cost every switch command its linking. */
    public void attempt(Runnable action) {
        depth++;
        try {
            action.run();
            if (depth == 1) {
                steps.clear();
            }
        } catch (VmException e) {
            throw failed(e);
        } catch (RuntimeException e) {
            undo();
            throw e;
        } finally {
            depth--;
        }
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
