package org.vmbhyve.media;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes a download's body when no bytes have arrived for a while, so that a server which
 * stops sending mid-file fails the download instead of hanging it.
 */
final class StallWatch implements Closeable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "download-stall-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;

    StallWatch(InputStream body, Duration timeout) {
        long check = Math.max(10, timeout.toMillis() / 4);
        timer.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastProgress > timeout.toNanos()) {
                stalled = true;
                try {
                    body.close();
                } catch (IOException e) {
                    // the reader fails either way
                }
            }
        }, check, check, TimeUnit.MILLISECONDS);
    }

    void progressed() {
        lastProgress = System.nanoTime();
    }

    boolean stalled() {
        return stalled;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
