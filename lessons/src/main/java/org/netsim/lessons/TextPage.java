package org.netsim.lessons;

/**
 * A page of Markdown (CommonMark with tables; no raw HTML, no images in version 1 of the format).
 *
 * @param file     the file's name in the lesson folder
 * @param markdown its text
 */
public record TextPage(String file, String markdown) implements Page {
    @Override
    public String key() {
        return file;
    }
}
