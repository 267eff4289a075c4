package org.vmbhyve.run;

/**
 * The PCI position the next device goes to, advanced exactly as upstream's device builders do:
 * slots count from {@code start_slot}; bus 0 ends before slot 31 (the LPC bridge), further
 * buses have 32 slots. Guest operating systems remember devices by position, so every step
 * here mirrors upstream's, quirks included.
 */
final class PciSlots {

    int bus;
    int slot;
    int func;
    private int maxSlots = 31;

    PciSlots(int startSlot) {
        this.slot = startSlot;
    }

    /** Moves to the next bus once the current one is full. */
    void wrap() {
        if (slot >= maxSlots) {
            slot = 0;
            bus++;
            maxSlots = 32;
        }
    }

    /** Starts a new slot when all eight functions of this one are used. */
    void wrapFunction() {
        if (func >= 8) {
            func = 0;
            slot++;
        }
    }

    /** A device on its own slot: {@code BUS:SLOT:0}, then the next slot. */
    String takeSlot() {
        String at = bus + ":" + slot + ":0";
        slot++;
        wrap();
        return at;
    }

    String here() {
        return bus + ":" + slot + ":" + func;
    }
}
