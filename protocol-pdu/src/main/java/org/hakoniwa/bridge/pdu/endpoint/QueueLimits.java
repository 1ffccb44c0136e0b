package org.hakoniwa.bridge.pdu.endpoint;

/**
 * Bounds of one client's outbound queue.
 *
 * @param maxDataFrames data frames that may wait ({@code bridge.backpressure.queue-depth})
 * @param maxDataBytes bytes of data frames that may wait ({@code bridge.backpressure.queue-bytes})
 * @param maxControlFrames control frames (RPC replies, acknowledgements) that may wait before the client is
 *     disconnected ({@code bridge.backpressure.control-queue-depth})
 * @param maxMessageBytes the largest message a client accepts ({@code bridge.max-outbound-message-size})
 */
public record QueueLimits(int maxDataFrames, long maxDataBytes, int maxControlFrames, int maxMessageBytes) {
    public static final QueueLimits DEFAULT = new QueueLimits(1024, 16L << 20, 4096, 1 << 20);

    public QueueLimits {
        if (maxDataFrames < 1 || maxDataBytes < 1 || maxControlFrames < 1 || maxMessageBytes < 1) {
            throw new IllegalArgumentException("queue limits must be positive: " + maxDataFrames + ", "
                    + maxDataBytes + ", " + maxControlFrames + ", " + maxMessageBytes);
        }
    }
}
