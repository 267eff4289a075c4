package org.vmbhyve.media;

import org.vmbhyve.error.VmException;

/**
 * The file name a download is stored under: the shell {@code basename} of the whole URL, query
 * string included, as upstream names it (KEEP). Names that would not be a file are refused.
 */
final class MediaName {

    private MediaName() {
    }

    static String of(String url) {
        String trimmed = url.replaceAll("/+$", "");
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new VmException("unable to tell a file name from URL '" + url + "'");
        }
        return name;
    }
}
