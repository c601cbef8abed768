package org.netsim.lessons.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the resources under a class-path folder, whether it lies in a directory (a build's {@code target/classes})
 * or in a jar. Used for what the engine declares but does not enumerate: its field layouts and shipped scenarios.
 */
final class ResourceFolders {
    private ResourceFolders() {
    }

    /** Paths (relative to {@code folder}, '/'-separated) of every file below {@code folder}, sorted. */
    static TreeSet<String> list(ClassLoader loader, String folder) {
        TreeSet<String> out = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("file".equals(url.getProtocol())) {
                    Path dir = Path.of(url.toURI());
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.filter(Files::isRegularFile)
                                .forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')));
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    JarURLConnection c = (JarURLConnection) url.openConnection();
                    c.setUseCaches(false);
                    try (JarFile jar = c.getJarFile()) {
                        String prefix = folder.endsWith("/") ? folder : folder + "/";
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            JarEntry e = entries.nextElement();
                            if (!e.isDirectory() && e.getName().startsWith(prefix)) {
                                out.add(e.getName().substring(prefix.length()));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
