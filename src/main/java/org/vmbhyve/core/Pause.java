package org.vmbhyve.core;

/**
 * A wait between steps ({@code sleep} in upstream's scripts). An interrupt ends the wait early
 * and stays set, so the caller's next blocking call sees it.
 */
public final class Pause {

    private Pause() {
    }

    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void seconds(int seconds) {
        millis(seconds * 1000L);
    }
}
