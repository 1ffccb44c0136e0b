package org.hakoniwa.bridge.rpc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceDefinitionTest {
    private static final ServiceSpec ADD = new ServiceSpec(0, "Service/Add", "hako_srv_msgs/AddTwoInts", 1, 296, 0, 288, 0);
    private static final ServiceSpec CONTROL =
            new ServiceSpec(1, "Service/SystemControl", "hako_srv_msgs/SystemControl", 1, 280, 0, 408, 0);

    @Test
    void service_byName_findsIt() {
        ServiceDefinition definition = ServiceDefinition.of(List.of(ADD, CONTROL));

        assertEquals(Optional.of(CONTROL), definition.service("Service/SystemControl"));
        assertEquals(Optional.empty(), definition.service("Service/Unknown"));
    }

    @Test
    void services_areInIdOrder() {
        assertEquals(List.of(ADD, CONTROL), ServiceDefinition.of(List.of(ADD, CONTROL)).services());
    }

    @Test
    void of_serviceIdThatIsNotItsIndex_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServiceDefinition.of(List.of(CONTROL)));

        assertEquals("service Service/SystemControl has serviceId 1 but is at index 0; a service's id is its index",
                e.getMessage());
    }

    @Test
    void of_duplicateServiceName_isRejected() {
        ServiceSpec again = new ServiceSpec(1, "Service/Add", "hako_srv_msgs/AddTwoInts", 2, 0, 0, 0, 0);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServiceDefinition.of(List.of(ADD, again)));

        assertEquals("service name \"Service/Add\" is used twice (service ids 0 and 1)", e.getMessage());
    }

    @Test
    void of_twoTopicsOfANodeOnOneChannel_isRejected() {
        List<ServiceNodeTopic> topics = List.of(new ServiceNodeTopic("drone1", "pos", "geometry_msgs/Twist", 0),
                new ServiceNodeTopic("drone1", "vel", "geometry_msgs/Twist", 0));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServiceDefinition.of(List.of(), topics));

        assertEquals("channel 0 of node drone1 is already used by topic pos", e.getMessage());
    }

    @Test
    void of_sameChannelOnTwoNodes_isFine() {
        List<ServiceNodeTopic> topics = List.of(new ServiceNodeTopic("drone1", "pos", "geometry_msgs/Twist", 0),
                new ServiceNodeTopic("drone2", "pos", "geometry_msgs/Twist", 0));

        assertEquals(topics, ServiceDefinition.of(List.of(), topics).nodeTopics());
    }

    @Test
    void of_copiesTheGivenList() {
        List<ServiceSpec> services = new ArrayList<>(List.of(ADD));
        ServiceDefinition definition = ServiceDefinition.of(services);

        services.add(CONTROL);

        assertEquals(List.of(ADD), definition.services());
        assertThrows(UnsupportedOperationException.class, () -> definition.services().add(CONTROL));
    }

    @Test
    void empty_hasNoServicesNorTopics() {
        ServiceDefinition empty = ServiceDefinition.empty();

        assertEquals(List.of(), empty.services());
        assertEquals(List.of(), empty.nodeTopics());
        assertEquals(Optional.empty(), empty.service("Service/Add"));
        assertEquals(24, empty.pduMetaDataSize());
    }

    @Test
    void serviceSpec_zeroMaxClients_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ServiceSpec(0, "Service/Add", "hako_srv_msgs/AddTwoInts", 0, 0, 0, 0, 0));

        assertEquals("maxClients must be >= 1: 0", e.getMessage());
    }
}
