package org.vmbhyve.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.core.VmException;
import org.vmbhyve.datastore.Datastore;
import org.vmbhyve.media.AddressFamily;
import org.vmbhyve.media.MediaFetcher;
import org.vmbhyve.media.StoredMedia;

/** {@code vm iso} and {@code vm img}: list the stored files, or fetch one by URL. */
abstract class MediaCommand extends CliCommand {

    boolean ipv4;
    boolean ipv6;
    String datastore = "default";
    boolean json;
    final List<String> urls = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.flag("-4", () -> ipv4 = true);
        options.flag("-6", () -> ipv6 = true);
        options.value("-d", value -> datastore = value);
        options.ignoredFlags("-u");
        options.flag("--json", () -> json = true);
        options.operands(urls);
    }

    abstract Datastore.Kind kind();

    /** The listing reads; a download writes. */
    @Override
    boolean readsOnly() {
        return urls.isEmpty() || urls.get(0).isEmpty();
    }

    @Override
    public Integer call() throws IOException {
        if (urls.isEmpty() || urls.get(0).isEmpty()) {
            var files = StoredMedia.list(vm.datastores(), kind());
            print(json ? JsonOutput.render(files) : StoredMedia.render(files));
            return 0;
        }
        Path dir = (kind() == Datastore.Kind.ISO ? vm.datastores().isoDir(datastore) : vm.datastores().imgDir(datastore))
                .orElseThrow(() -> new VmException("unable to locate path for datastore '" + datastore + "'"));
        new MediaFetcher(AddressFamily.of(ipv4, ipv6), io.interactive(), io.err())
                .fetch(urls.get(0), vm.workingDir().resolve(dir));
        return 0;
    }
}
