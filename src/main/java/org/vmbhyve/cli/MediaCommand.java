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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vm iso} and {@code vm img}: list the stored files, or fetch one by URL. */
abstract class MediaCommand extends CliCommand {

    @Option(names = "-4", description = "Download over IPv4 only")
    boolean ipv4;

    @Option(names = "-6", description = "Download over IPv6 only")
    boolean ipv6;

    @Option(names = "-d", paramLabel = "datastore")
    String datastore = "default";

    @Option(names = "-u", hidden = true, description = "Accepted for compatibility; no effect")
    boolean unused;

    @Option(names = "--json", description = "Print the listing as JSON")
    boolean json;

    @Parameters(paramLabel = "url")
    List<String> urls = new ArrayList<>();

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
