package org.hakoniwa.bridge.rpc.config;

import static java.util.Objects.requireNonNull;

/**
 * One service of a service definition ({@code service.json}).
 *
 * <p>The sizes are the file's {@code pduSize.server} and {@code pduSize.client} values. A base size the
 * file does not give is 0: some files in the wild leave it out, because the Python client takes base
 * sizes from its offset files and reads only the heap sizes.
 *
 * @param serviceId the service's index in the file's {@code services}; the id sent to clients on register
 * @param name the service name clients register with, for example {@code Service/Add}
 * @param type the service type, for example {@code hako_srv_msgs/AddTwoInts}
 * @param maxClients the number of clients the file allows, at least 1
 */
public record ServiceSpec(int serviceId, String name, String type, int maxClients,
        int serverBaseSize, int serverHeapSize, int clientBaseSize, int clientHeapSize) {
    public ServiceSpec {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireAtLeast("serviceId", serviceId, 0);
        requireAtLeast("maxClients", maxClients, 1);
        requireAtLeast("serverBaseSize", serverBaseSize, 0);
        requireAtLeast("serverHeapSize", serverHeapSize, 0);
        requireAtLeast("clientBaseSize", clientBaseSize, 0);
        requireAtLeast("clientHeapSize", clientHeapSize, 0);
    }

    private static void requireAtLeast(String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be >= " + min + ": " + value);
        }
    }
}
