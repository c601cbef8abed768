package org.netsim.app.gui.topology;

import org.netsim.pdu.Protocol;

/**
 * A frame on a cable at the view's current time.
 *
 * @param event     the wire event's index in the timeline (select it to inspect the frame)
 * @param link      the cable
 * @param from      the device it leaves
 * @param to        the device it travels to
 * @param progress  0 when its first bit leaves, 1 when its last bit arrives
 * @param protocol  its innermost layer (its colour)
 * @param label     its short text
 * @param broadcast whether it is an Ethernet broadcast (ff:ff:ff:ff:ff:ff)
 * @param lost      whether the cable loses it (it is drawn falling off halfway)
 * @param bytes     its length as a capture holds it
 */
public record FrameInFlight(int event, String link, String from, String to, double progress, Protocol protocol,
                            String label, boolean broadcast, boolean lost, int bytes) {
}
