package org.netsim.app;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import org.netsim.pdu.FieldSpec;

/**
 * Field names and explanations in the pseudo-locale: every field the engine's layouts declare, pseudo-translated
 * (the base bundle is empty, so the English comes from the layouts themselves).
 */
public final class fields_en_XA extends ResourceBundle {
    static final String[] LAYOUTS = {"physical.PhysicalLayout", "ethernet.EthernetLayout", "arp.ArpLayout",
        "ipv4.Ipv4Layout", "tcp.TcpLayout", "http.HttpLayout", "websocket.WebSocketLayout",
        "engineio.EngineIoLayout", "socketio.SocketIoLayout"};

    private final Map<String, String> values = new HashMap<>();

    public fields_en_XA() {
        for (FieldSpec s : specs()) {
            values.put(s.key() + ".name", PseudoText.of(s.key(), s.name()));
            values.put(s.key() + ".explanation", PseudoText.of(s.key(), s.explanation()));
        }
    }

    /** Every field spec the layouts declare as a constant. */
    public static java.util.List<FieldSpec> specs() {
        java.util.List<FieldSpec> out = new java.util.ArrayList<>();
        for (String layout : LAYOUTS) {
            try {
                for (Field f : Class.forName("org.netsim.wire." + layout).getFields()) {
                    if (Modifier.isStatic(f.getModifiers()) && f.getType() == FieldSpec.class) {
                        out.add((FieldSpec) f.get(null));
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("layout " + layout, e);
            }
        }
        return out;
    }

    @Override
    protected Object handleGetObject(String key) {
        return values.get(key);
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(values.keySet());
    }
}
