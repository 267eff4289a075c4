package org.vmbhyve.media;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.Chars;
import org.vmbhyve.datastore.Datastore;
import org.vmbhyve.datastore.Datastores;

/** The {@code vm iso} / {@code vm img} listing: the files of the default store, then each media store. */
public final class StoredMedia {

    /** One stored file; the components are the {@code --json} fields. */
    public record MediaFile(String datastore, String filename, long bytes) {
    }

    private StoredMedia() {
    }

    public static List<MediaFile> list(Datastores datastores, Datastore.Kind kind) throws IOException {
        List<MediaFile> listed = new ArrayList<>();
        for (Datastore ds : datastores.mediaStores(kind)) {
            if (!Files.isDirectory(ds.path())) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(ds.path())) {
                for (Path file : dir) {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        files.add(file);
                    }
                }
            }
            files.sort(null);
            for (Path file : files) {
                listed.add(new MediaFile(ds.name(), file.getFileName().toString(), Files.size(file)));
            }
        }
        return listed;
    }

    /** {@code DATASTORE FILENAME} rows, as upstream prints them. */
    public static String render(List<MediaFile> files) {
        StringBuilder out = new StringBuilder(Chars.padded("DATASTORE", 20) + "FILENAME\n");
        for (MediaFile f : files) {
            out.append(Chars.padded(f.datastore(), 20)).append(f.filename()).append('\n');
        }
        return out.toString();
    }
}
