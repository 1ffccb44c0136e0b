package org.hakoniwa.bridge.rpc.service;

import java.util.Map;

/**
 * Where a service's request and response structs start after their headers: at their natural alignment (4 for
 * structs of 32-bit fields, 8 for structs with 64-bit fields), counted from the end of PduMetaData.
 */
public record ServiceLayout(int requestAlignment, int responseAlignment) {
    /** Structs with 64-bit fields: the payload starts at 272. */
    public static final ServiceLayout ALIGN_8 = new ServiceLayout(8, 8);
    /** Structs of 32-bit fields and chars: the payload starts at 268. */
    public static final ServiceLayout ALIGN_4 = new ServiceLayout(4, 4);

    private static final Map<String, ServiceLayout> KNOWN = Map.of(
            "hako_srv_msgs/AddTwoInts", ALIGN_8,
            "hako_srv_msgs/SystemControl", ALIGN_4,
            "hako_srv_msgs/RegisterClient", ALIGN_4);

    public ServiceLayout {
        checkAlignment(requestAlignment);
        checkAlignment(responseAlignment);
    }

    private static void checkAlignment(int alignment) {
        if (alignment != 1 && alignment != 2 && alignment != 4 && alignment != 8) {
            throw new IllegalArgumentException("alignment must be 1, 2, 4 or 8: " + alignment);
        }
    }

    /** The layout of a known service type, or null. */
    public static ServiceLayout known(String serviceType) {
        return KNOWN.get(serviceType);
    }
}
