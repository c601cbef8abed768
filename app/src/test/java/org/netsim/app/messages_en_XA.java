package org.netsim.app;

import java.util.Collections;
import java.util.Enumeration;
import java.util.ResourceBundle;

/** The app's messages in the pseudo-locale {@link PseudoText#LOCALE}: the English bundle, pseudo-translated. */
public final class messages_en_XA extends ResourceBundle {
    @Override
    protected Object handleGetObject(String key) {
        return parent != null && parent.containsKey(key) ? PseudoText.of(key, parent.getString(key)) : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        return parent == null ? Collections.emptyEnumeration() : parent.getKeys();
    }
}
