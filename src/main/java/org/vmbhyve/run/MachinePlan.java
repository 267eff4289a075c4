package org.vmbhyve.run;

/**
 * The built machine: the bhyve command, the nmdm device a loader talks to (null in the
 * foreground, where the loader uses the terminal) and whether guest memory is wired.
 */
record MachinePlan(BhyveCommand bhyve, String loaderConsole, boolean wiredMemory) {
}
