package org.hakoniwa.bridge.sim.demo;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.hakoniwa.bridge.rpc.service.RpcCall;

/**
 * The demo's RPC services. {@code Service/Add} (hako_srv_msgs/AddTwoInts: request {a i64, b i64}, response
 * {sum i64}) and {@code Service/SystemControl} (hako_srv_msgs/SystemControl: request {opcode u32}, response
 * {status_code u32, message char[128]}), whose opcodes act on the simulation.
 */
public final class DemoServices {
    public static final String ADD = "Service/Add";
    public static final String SYSTEM_CONTROL = "Service/SystemControl";

    static final int ACTIVATE = 0;
    static final int START = 1;
    static final int STOP = 2;
    static final int RESET = 3;
    static final int TERMINATE = 4;
    static final int STATUS = 5;
    private static final int MESSAGE_FIELD = 128;

    private final DemoSimulation simulation;

    public DemoServices(DemoSimulation simulation) {
        this.simulation = requireNonNull(simulation, "simulation is null");
    }

    /** AddTwoInts: sum = a + b (wrapping like int64 in C). */
    public ByteBuffer add(RpcCall call) {
        ByteBuffer in = call.littleEndianBody();
        if (in.remaining() < 16) {
            throw new IllegalArgumentException("AddTwoIntsRequest needs 16 bytes, got " + in.remaining());
        }
        long sum = in.getLong(in.position()) + in.getLong(in.position() + 8);
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, sum);
    }

    /** SystemControl: START, STOP, RESET act on the simulation; STATUS reports it. status_code 0 is success. */
    public ByteBuffer systemControl(RpcCall call) {
        ByteBuffer in = call.littleEndianBody();
        if (in.remaining() < 4) {
            throw new IllegalArgumentException("SystemControlRequest needs 4 bytes, got " + in.remaining());
        }
        int opcode = in.getInt(in.position());
        return switch (opcode) {
            case ACTIVATE -> response(0, "activated; " + simulation.status());
            case START -> {
                simulation.start();
                yield response(0, "started; " + simulation.status());
            }
            case STOP, TERMINATE -> {
                simulation.stop();
                yield response(0, "stopped; " + simulation.status());
            }
            case RESET -> {
                simulation.reset();
                yield response(0, "reset; " + simulation.status());
            }
            case STATUS -> response(0, simulation.status());
            default -> response(1, "unknown opcode " + opcode);
        };
    }

    static ByteBuffer response(int statusCode, String message) {
        ByteBuffer out = ByteBuffer.allocate(4 + MESSAGE_FIELD).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0, statusCode);
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        out.put(4, text, 0, Math.min(text.length, MESSAGE_FIELD - 1));
        return out;
    }
}
