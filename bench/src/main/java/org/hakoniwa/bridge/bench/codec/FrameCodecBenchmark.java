package org.hakoniwa.bridge.bench.codec;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.hakoniwa.bridge.bench.common.BenchBodies;
import org.hakoniwa.bridge.pdu.codec.Frame;
import org.hakoniwa.bridge.pdu.codec.FrameCodec;
import org.hakoniwa.bridge.pdu.codec.FrameDecodeException;
import org.hakoniwa.bridge.pdu.codec.FrameForm;
import org.hakoniwa.bridge.pdu.codec.MessageType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link FrameCodec} decode and encode of a PDU_DATA frame on {@code drone1}/0, in every frame form, for a Twist body
 * and a 64 KiB one. Run with {@code -prof gc} for the bytes allocated per operation ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrameCodecBenchmark {
    @Param({"V2_304", "V2_200", "V1"})
    public FrameForm form;

    @Param({"72", "65536"})
    public int bodyBytes;

    private FrameCodec codec;
    private ByteBuffer body;
    private ByteBuffer message;

    @Setup
    public void setUp() {
        codec = new FrameCodec();
        body = BenchBodies.body(bodyBytes);
        message = codec.encode(form, MessageType.PDU_DATA, "drone1", 0, body, 1, 2, 3);
    }

    /** What a server does with every incoming message: detect the form, validate, slice the body. */
    @Benchmark
    public Frame decode() throws FrameDecodeException {
        return codec.decode(message);
    }

    /** What a publish costs once per form: one new buffer holding header and body. */
    @Benchmark
    public ByteBuffer encode() {
        return codec.encode(form, MessageType.PDU_DATA, "drone1", 0, body, 1, 2, 3);
    }
}
