package org.vmbhyve.run;

import java.util.function.Consumer;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestLog;
import org.vmbhyve.guest.Guests;

/**
 * What a stop does to a guest still running when its stop timeout is up: says so, notes it in
 * the guest's log, and pulls the plug as {@code vm poweroff} does. The guest's supervisor then
 * sees bhyve end and cleans up (taps, vmm device, lock) as after any power off.
 */
final class ForcedPowerOff implements Consumer<ShutdownWatch.Watched> {

    private final VmContext vm;
    private final Consumer<String> say;

    /** @param say prints the sentence in the command's style (a line of its own, or an indented step) */
    ForcedPowerOff(VmContext vm, Consumer<String> say) {
        this.vm = vm;
        this.say = say;
    }

    @Override
    public void accept(ShutdownWatch.Watched guest) {
        String why = "still running " + guest.timeoutSeconds() + " second(s) after ACPI shutdown";
        say.accept("forcing power off of " + guest.name() + " (" + why + ")");
        new Guests(vm).find(guest.name()).map(Guest::dir)
                .ifPresent(dir -> new GuestLog(dir, vm.clock()).write("forcing power off (" + why + ")"));
        if (!vm.runner().run("bhyvectl", "--force-poweroff", "--vm=" + guest.name()).ok()
                && GuestStopper.alive(guest.pid())) {
            vm.ui().warn("unable to force " + guest.name() + " off");
        }
    }
}
