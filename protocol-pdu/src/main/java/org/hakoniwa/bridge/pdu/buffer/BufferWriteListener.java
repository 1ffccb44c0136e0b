package org.hakoniwa.bridge.pdu.buffer;

/**
 * Told of every value a client wrote into the {@link CommunicationBuffer}. Runs on the network thread that
 * received the write: it must be quick and must not block. It learns the topic and the bytes, never the writer.
 */
@FunctionalInterface
public interface BufferWriteListener {
    void onWrite(PduSample sample);
}
