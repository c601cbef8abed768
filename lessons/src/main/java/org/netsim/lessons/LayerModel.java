package org.netsim.lessons;

/** How the views count layers: the seven of OSI or the four of the Internet protocol suite (RFC 1122). */
public enum LayerModel {
    OSI("osi"),
    TCP_IP("tcp-ip");

    private final String word;

    LayerModel(String word) {
        this.word = word;
    }

    /** The name lesson files use. */
    public String word() {
        return word;
    }

    /** The model a lesson file names, or {@code null}. */
    public static LayerModel of(String word) {
        for (LayerModel m : values()) {
            if (m.word.equals(word)) {
                return m;
            }
        }
        return null;
    }
}
