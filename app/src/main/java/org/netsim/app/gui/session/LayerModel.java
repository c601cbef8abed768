package org.netsim.app.gui.session;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.OsiLayer;
import org.netsim.pdu.Protocol;
import org.netsim.pdu.TcpIpLayer;

/** The two ways the views count layers: the seven of OSI or the four of TCP/IP (RFC 1122). */
public enum LayerModel {
    OSI,
    TCP_IP;

    /** The rows of this model, top (application) first. */
    public List<LayerRow> rows() {
        List<LayerRow> rows = new ArrayList<>();
        if (this == OSI) {
            OsiLayer[] all = OsiLayer.values();
            for (int i = all.length - 1; i >= 0; i--) {
                rows.add(new LayerRow(all[i].number(), all[i].title(), List.of(all[i])));
            }
        } else {
            TcpIpLayer[] all = TcpIpLayer.values();
            for (int i = all.length - 1; i >= 0; i--) {
                List<OsiLayer> folded = new ArrayList<>();
                for (int k = OsiLayer.values().length - 1; k >= 0; k--) {
                    if (OsiLayer.values()[k].tcpIp() == all[i]) {
                        folded.add(OsiLayer.values()[k]);
                    }
                }
                rows.add(new LayerRow(all[i].number(), all[i].title(), folded));
            }
        }
        return rows;
    }

    /** The index in {@link #rows()} of the row a protocol is drawn on. */
    public int rowOf(Protocol p) {
        return this == OSI ? OsiLayer.values().length - p.osi().number()
                : TcpIpLayer.values().length - p.tcpIp().number();
    }

    /**
     * One layer of a model.
     *
     * @param number the layer's number in its model (OSI 1-7, TCP/IP 1-4)
     * @param title  its name
     * @param osi    the OSI layers it stands for (one for OSI, the folded ones for TCP/IP), top first
     */
    public record LayerRow(int number, String title, List<OsiLayer> osi) {
        public LayerRow {
            osi = List.copyOf(osi);
        }
    }
}
