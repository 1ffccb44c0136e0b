package org.hakoniwa.bridge.sim.host;

import java.util.Set;
import org.hakoniwa.bridge.pdu.endpoint.QueueStats;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.PduKey;

/**
 * One connected client in a {@link BridgeStats} snapshot.
 *
 * @param id its id
 * @param remoteAddress where it connected from
 * @param form the frame form it speaks ({@code V2_304}, {@code V2_200}, {@code V1}), or {@code unknown} before its
 *     first frame
 * @param reads the topics it declared read on
 * @param writes the topics it declared write on (DECLARE_PDU_FOR_WRITE; recorded, not enforced)
 * @param framesIn messages received from it
 * @param malformedIn messages from it that did not decode
 * @param queue its outbound queue
 */
public record ClientStats(ClientId id, String remoteAddress, String form, Set<PduKey> reads, Set<PduKey> writes,
        long framesIn,
        long malformedIn, QueueStats queue) {
}
