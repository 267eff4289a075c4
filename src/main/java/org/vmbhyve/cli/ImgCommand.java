package org.vmbhyve.cli;

import java.io.IOException;
import org.vmbhyve.error.VmException;
import org.vmbhyve.datastore.Datastore;

final class ImgCommand extends MediaCommand {

    @Override
    Datastore.Kind kind() {
        return Datastore.Kind.IMG;
    }

    @Override
    String helpName() {
        return "img";
    }

    @Override
    public Integer call() throws IOException {
        // upstream checks for qemu-img first, even just to list (hence "ERROR: Error:")
        if (!vm.runner().available("qemu-img")) {
            throw new VmException("Error: qemu-img is required to work with cloud images! Run 'pkg install qemu-tools'.");
        }
        return super.call();
    }
}
