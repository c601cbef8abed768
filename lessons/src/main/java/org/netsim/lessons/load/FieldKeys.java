package org.netsim.lessons.load;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;

/**
 * Every field key the dissectors can put in a PDU tree, with the protocol it belongs to. The engine declares each
 * protocol's fields once, as {@code public static final FieldSpec} constants of an {@code XxxLayout} class in
 * {@code org.netsim.wire.<proto>}; this class finds those classes on the class path and reads the constants (and
 * lists of them), so a field added to a layout is known here without a change. Two kinds of field exist for every
 * protocol without a constant: {@code <proto>.data} (bytes a layer carries uninterpreted) and {@code <proto>.malformed}
 * (bytes after decoding stopped); they are taken from {@link Pdu}'s own factories.
 */
public final class FieldKeys {
    private static final String WIRE = "org/netsim/wire";

    private FieldKeys() {
    }

    /** Key to protocol, sorted by key. */
    public static Map<String, Protocol> all() {
        return Known.ALL;
    }

    /** The protocol a field key belongs to, if a dissector defines it. */
    public static Optional<Protocol> protocolOf(String key) {
        return Optional.ofNullable(Known.ALL.get(key));
    }

    public static boolean isKnown(String key) {
        return Known.ALL.containsKey(key);
    }

    private static final class Known {
        static final Map<String, Protocol> ALL = Collections.unmodifiableMap(collect());
    }

    private static Map<String, Protocol> collect() {
        Map<String, Protocol> out = new TreeMap<>();
        ClassLoader loader = FieldSpec.class.getClassLoader();
        for (String path : ResourceFolders.list(loader, WIRE)) {
            if (!path.endsWith("Layout.class") || path.contains("$")) {
                continue;
            }
            String name = (WIRE + "/" + path).replace('/', '.');
            name = name.substring(0, name.length() - ".class".length());
            try {
                Class<?> c = Class.forName(name, false, loader);
                for (Field f : c.getFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    Object v = f.get(null);
                    if (v instanceof FieldSpec s) {
                        out.put(s.key(), s.protocol());
                    } else if (v instanceof Collection<?> list) {
                        for (Object o : list) {
                            if (o instanceof FieldSpec s) {
                                out.put(s.key(), s.protocol());
                            }
                        }
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read the field layout " + name, e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no field layouts (*Layout classes) found under " + WIRE);
        }
        byte[] one = {0};
        for (Protocol p : Protocol.values()) {
            out.put(Pdu.dataField(p, one, 0, 1).key(), p);
            out.put(Pdu.builder(p, 0).malformed("-", 0, 1).build().fields().get(0).key(), p);
        }
        return out;
    }
}
