package org.hakoniwa.bridge.pdu.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hakoniwa.bridge.spi.PduKey;
import org.junit.jupiter.api.Test;

/** The demo pdu_config.json shipped in plugin-sim; this test reads a verbatim copy of it. */
class ShippedPduConfigTest {
    @Test
    void load_shippedDemoPduConfig_hasPosOfDrone1AndDrone2OnChannel0() throws URISyntaxException {
        Path file = Path.of(ShippedPduConfigTest.class.getResource("/config/demo/pdu_config.json").toURI());

        PduDefinition definition = PduDefinitionLoader.load(file);

        PduChannel drone1 = new PduChannel("drone1", "pos", 0, 72, "geometry_msgs/Twist");
        PduChannel drone2 = new PduChannel("drone2", "pos", 0, 72, "geometry_msgs/Twist");
        assertEquals(List.of(drone1, drone2), definition.channels());
        assertEquals(Set.of("drone1", "drone2"), definition.robots());
        assertEquals(Optional.of(drone2), definition.channel(new PduKey("drone2", 0)));
        assertEquals(Optional.of(drone1), definition.channel("drone1", "pos"));
    }
}
