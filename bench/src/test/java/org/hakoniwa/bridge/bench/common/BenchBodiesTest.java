package org.hakoniwa.bridge.bench.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.hakoniwa.bridge.sim.demo.Twist;
import org.junit.jupiter.api.Test;

class BenchBodiesTest {
    @Test
    void body_twistSize_isATwist() {
        assertEquals(new Twist(2.0, 0, 1.0, 0, 0, 2.0), Twist.decode(BenchBodies.body(BenchBodies.TWIST)));
    }

    @Test
    void stamp_survivesEncodingAndDecoding() throws Exception {
        ByteBuffer body = BenchBodies.body(1024);
        long stamped = BenchBodies.stamp(body, 7);
        FrameCodec codec = new FrameCodec();
        ByteBuffer frame = codec.encode(FrameForm.V2_304, MessageType.PDU_DATA, "drone1", 0, body, 0, 0, 0);
        assertEquals(stamped, BenchBodies.stampMicros(codec.decode(frame).body()));
    }

    @Test
    void largest_fillsTheOneMebibyteFrameExactly() {
        ByteBuffer frame = new FrameCodec().encode(FrameForm.V2_304, MessageType.PDU_DATA, "drone1", 0,
                BenchBodies.body(BenchBodies.LARGEST), 0, 0, 0);
        assertEquals(FrameCodec.DEFAULT_MAX_FRAME_BYTES, frame.remaining());
    }

    @Test
    void body_smallerThanATwist_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> BenchBodies.body(71));
    }
}
