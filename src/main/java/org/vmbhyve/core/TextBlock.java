package org.vmbhyve.core;

/** A description printed as one block of text ({@code vm info}, {@code vm check}, {@code vm switch info}). */
public interface TextBlock {

    /** The block, line for line as printed. */
    String render();
}
