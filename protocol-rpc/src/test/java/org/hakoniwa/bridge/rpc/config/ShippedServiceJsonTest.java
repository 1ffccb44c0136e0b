package org.hakoniwa.bridge.rpc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo service.json shipped in plugin-sim; this test reads a verbatim copy of it. */
class ShippedServiceJsonTest {
    @Test
    void load_shippedDemoServiceJson_hasAddAndSystemControlAndThePosTopics() throws URISyntaxException {
        Path file = Path.of(ShippedServiceJsonTest.class.getResource("/config/demo/service.json").toURI());

        ServiceDefinition definition = ServiceDefinitionLoader.load(file);

        assertEquals(List.of(
                new ServiceSpec(0, "Service/Add", "hako_srv_msgs/AddTwoInts", 1, 296, 0, 288, 0),
                new ServiceSpec(1, "Service/SystemControl", "hako_srv_msgs/SystemControl", 1, 280, 0, 408, 0)),
                definition.services());
        assertEquals(List.of(
                new ServiceNodeTopic("drone1", "pos", "geometry_msgs/Twist", 0),
                new ServiceNodeTopic("drone2", "pos", "geometry_msgs/Twist", 0)), definition.nodeTopics());
        assertEquals(24, definition.pduMetaDataSize());
    }
}
