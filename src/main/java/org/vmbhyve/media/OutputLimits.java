package org.vmbhyve.media;

/**
 * How much unpacking one download may produce, so a hostile archive cannot fill the disk.
 *
 * @param floorBytes output up to this size is always allowed
 * @param maxRatio beyond the floor, output may be at most this many times the compressed size
 * @param reserveBytes free space left untouched on the store's file system
 */
record OutputLimits(long floorBytes, long maxRatio, long reserveBytes) {

    /**
     * A bomb is output above both 1 GiB and 200 times its input: real images compress 3-20
     * times (mostly empty raw disks perhaps 100 times), bombs a thousand times and more.
     * 256 MiB of free space is kept for the system.
     */
    static final OutputLimits DEFAULT = new OutputLimits(1L << 30, 200, 256L << 20);
}
