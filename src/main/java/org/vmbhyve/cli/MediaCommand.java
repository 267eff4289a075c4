package org.vmbhyve.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.error.VmException;
import org.vmbhyve.datastore.Datastore;
import org.vmbhyve.media.AddressFamily;
import org.vmbhyve.media.MediaFetcher;
import org.vmbhyve.media.StoredMedia;

/** {@code vm iso} and {@code vm img}: list the stored files, or fetch one by URL. */
abstract class MediaCommand extends CliCommand {

    final OptionValue ipv4 = new OptionValue();
    final OptionValue ipv6 = new OptionValue();
    final OptionValue datastore = new OptionValue("default");
    final OptionValue json = new OptionValue();
    final List<String> urls = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.flag("-4", ipv4);
        options.flag("-6", ipv6);
        options.value("-d", datastore);
        options.ignoredFlags("-u");
        options.flag("--json", json);
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
            print(json.isSet() ? JsonOutput.render(files) : StoredMedia.render(files));
            return 0;
        }
        String store = datastore.get();
        Path dir = (kind() == Datastore.Kind.ISO ? vm.datastores().isoDir(store) : vm.datastores().imgDir(store))
                .orElseThrow(() -> new VmException("unable to locate path for datastore '" + store + "'"));
        new MediaFetcher(AddressFamily.of(ipv4.isSet(), ipv6.isSet()), io.interactive(), io.err())
                .fetch(urls.get(0), vm.workingDir().resolve(dir));
        return 0;
    }
}
