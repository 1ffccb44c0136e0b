package org.hakoniwa.bridge.pdu.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hakoniwa.bridge.spi.PduKey;
import org.junit.jupiter.api.Test;

class PduDefinitionTest {
    private static final PduChannel DRONE1_POS = new PduChannel("drone1", "pos", 0, 72, "geometry_msgs/Twist");
    private static final PduChannel DRONE1_MOTOR = new PduChannel("drone1", "motor", 1, 112, "hako_mavlink_msgs/HakoHilActuatorControls");
    private static final PduChannel DRONE2_POS = new PduChannel("drone2", "pos", 0, 72, "geometry_msgs/Twist");

    private final PduDefinition definition = PduDefinition.of(List.of(DRONE1_POS, DRONE1_MOTOR, DRONE2_POS));

    @Test
    void channel_byKey_findsTheChannelOfThatRobot() {
        assertEquals(Optional.of(DRONE1_POS), definition.channel(new PduKey("drone1", 0)));
        assertEquals(Optional.of(DRONE2_POS), definition.channel(new PduKey("drone2", 0)));
        assertEquals(Optional.of(DRONE1_MOTOR), definition.channel(new PduKey("drone1", 1)));
    }

    @Test
    void channel_byUnknownKey_isEmpty() {
        assertEquals(Optional.empty(), definition.channel(new PduKey("drone2", 1)));
        assertEquals(Optional.empty(), definition.channel(new PduKey("drone3", 0)));
        assertEquals(Optional.empty(), definition.channel(new PduKey("drone1", -1)));
    }

    @Test
    void channel_byRobotAndTopic_findsTheChannel() {
        assertEquals(Optional.of(DRONE1_MOTOR), definition.channel("drone1", "motor"));
        assertEquals(Optional.of(DRONE2_POS), definition.channel("drone2", "pos"));
    }

    @Test
    void channel_byUnknownRobotOrTopic_isEmpty() {
        assertEquals(Optional.empty(), definition.channel("drone2", "motor"));
        assertEquals(Optional.empty(), definition.channel("drone3", "pos"));
    }

    @Test
    void contains_answersByRobotAndChannel() {
        assertTrue(definition.contains(new PduKey("drone1", 1)));
        assertFalse(definition.contains(new PduKey("drone2", 1)));
    }

    @Test
    void channels_keepTheGivenOrder() {
        assertEquals(List.of(DRONE1_POS, DRONE1_MOTOR, DRONE2_POS), definition.channels());
    }

    @Test
    void robots_areThoseWithChannels_inOrderOfFirstAppearance() {
        PduDefinition reordered = PduDefinition.of(List.of(DRONE2_POS, DRONE1_POS, DRONE1_MOTOR));

        assertEquals(List.of("drone2", "drone1"), List.copyOf(reordered.robots()));
    }

    @Test
    void of_channelGivenTwice_countsOnce() {
        PduDefinition twice = PduDefinition.of(List.of(DRONE1_POS, DRONE2_POS, DRONE1_POS));

        assertEquals(List.of(DRONE1_POS, DRONE2_POS), twice.channels());
    }

    @Test
    void of_sameChannelIdOnTwoRobots_areTwoChannels() {
        assertEquals(2, PduDefinition.of(List.of(DRONE1_POS, DRONE2_POS)).channels().size());
    }

    @Test
    void of_sameChannelWithDifferentTopics_failsNamingBoth() {
        PduChannel vel = new PduChannel("drone1", "vel", 0, 72, "geometry_msgs/Twist");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PduDefinition.of(List.of(DRONE1_POS, vel)));

        assertEquals("channel 0 of robot drone1 is defined twice with different topics (pos, vel)", e.getMessage());
    }

    @Test
    void of_sameChannelWithDifferentTypes_fails() {
        PduChannel other = new PduChannel("drone1", "pos", 0, 72, "geometry_msgs/Vector3");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PduDefinition.of(List.of(DRONE1_POS, other)));

        assertEquals("channel 0 of robot drone1 is defined twice with different types "
                + "(geometry_msgs/Twist, geometry_msgs/Vector3)", e.getMessage());
    }

    @Test
    void of_sameChannelWithDifferentSizes_fails() {
        PduChannel bigger = new PduChannel("drone1", "pos", 0, 80, "geometry_msgs/Twist");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PduDefinition.of(List.of(DRONE1_POS, bigger)));

        assertEquals("channel 0 of robot drone1 is defined twice with different pdu sizes (72, 80)", e.getMessage());
    }

    @Test
    void of_sameTopicOnTwoChannels_fails() {
        PduChannel moved = new PduChannel("drone1", "pos", 3, 72, "geometry_msgs/Twist");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PduDefinition.of(List.of(DRONE1_POS, moved)));

        assertEquals("topic pos of robot drone1 is defined twice on different channels (0, 3)", e.getMessage());
    }

    @Test
    void of_copiesTheGivenCollection() {
        List<PduChannel> channels = new ArrayList<>(List.of(DRONE1_POS));
        PduDefinition copy = PduDefinition.of(channels);

        channels.add(DRONE2_POS);

        assertEquals(List.of(DRONE1_POS), copy.channels());
        assertThrows(UnsupportedOperationException.class, () -> copy.channels().add(DRONE2_POS));
        assertThrows(UnsupportedOperationException.class, () -> copy.robots().add("drone9"));
    }

    @Test
    void empty_hasNoChannelsAndFindsNothing() {
        PduDefinition empty = PduDefinition.empty();

        assertEquals(List.of(), empty.channels());
        assertEquals(Set.of(), empty.robots());
        assertEquals(Optional.empty(), empty.channel(new PduKey("drone1", 0)));
        assertEquals(Optional.empty(), empty.channel("drone1", "pos"));
        assertFalse(empty.contains(new PduKey("drone1", 0)));
        assertEquals(empty, PduDefinition.of(List.of()));
    }

    @Test
    void pduChannel_key_isRobotAndChannelId() {
        assertEquals(new PduKey("drone2", 0), DRONE2_POS.key());
    }

    @Test
    void pduChannel_negativeChannelId_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PduChannel("drone1", "pos", -1, 72, "geometry_msgs/Twist"));

        assertEquals("channelId must be >= 0: -1", e.getMessage());
    }
}
