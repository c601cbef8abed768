package org.netsim.compare;

import org.netsim.pdu.Protocol;

/**
 * One field whose value differs between a simulated frame and its captured twin, and why it may.
 *
 * @param protocol  the layer it belongs to
 * @param key       the field's key ({@code tcp.srcport})
 * @param name      the field's name as shown
 * @param simulated its value in the simulated frame ({@code null}: the simulated frame has no such field)
 * @param captured  its value in the captured frame ({@code null}: the captured frame has no such field)
 * @param why       one sentence a student can read: why the two may rightly differ, or that they should not
 * @param expected  whether a real capture is expected to differ here (a random value, an address, a clock); when
 *                  {@code false} the difference deserves a look (a codec's or a peer library's own choice)
 */
public record FieldDifference(Protocol protocol, String key, String name, String simulated, String captured,
                              String why, boolean expected) {
}
