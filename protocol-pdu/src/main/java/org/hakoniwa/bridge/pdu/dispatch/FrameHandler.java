package org.hakoniwa.bridge.pdu.dispatch;

import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.spi.ClientId;

/**
 * Handles the frames of one family (RPC, the bridge extension) on behalf of the {@link PduDispatcher}. Called
 * on the network thread of the client that sent the frame, never concurrently for one client; must not block.
 */
public interface FrameHandler {
    void onFrame(ClientId from, Frame frame);

    /** The client is gone: forget everything about it. Called once per client. */
    default void onDisconnect(ClientId client) {
    }
}
