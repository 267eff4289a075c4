package org.vmbhyve.run;

/**
 * A guest network interface as the host provided it: the emulation, what bhyve attaches it to
 * (a tap, a vale port, a netgraph hook) and its MAC; a null backend when none could be made.
 */
public record GuestNic(String emulation, String backend, String mac) {
}
