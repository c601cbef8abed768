package org.netsim.app.gui.session;

/** Which layer model the views show: the seven OSI layers or the four TCP/IP (RFC 1122) layers. */
public enum LayerModel {
    OSI,
    TCP_IP
}
