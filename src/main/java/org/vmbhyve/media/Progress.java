package org.vmbhyve.media;

/** Where a transfer reports how far it has got. */
interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void advance(long bytes) {
        }

        @Override
        public void done() {
        }
    };

    /** The transfer has moved BYTES in total so far. */
    void advance(long bytes);

    /** The transfer has ended, well or not. */
    void done();
}
