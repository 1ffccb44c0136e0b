package org.hakoniwa.bridge.rpc.config;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services clients may register with, and the node topics listed beside them, as a service
 * definition ({@code service.json}) declares them.
 *
 * <p>A service's id is its index in {@link #services()}. Immutable and therefore safe to share between
 * threads; lookup by name is a hash lookup.
 */
public final class ServiceDefinition {
    /**
     * The size of the PduMetaData header that starts every PDU of the Hakoniwa protocol; the only
     * {@code pduMetaDataSize} a service definition may declare.
     */
    public static final int PDU_META_DATA_SIZE = 24;

    private static final ServiceDefinition EMPTY = of(List.of(), List.of());

    private final List<ServiceSpec> services;
    private final Map<String, ServiceSpec> byName;
    private final List<ServiceNodeTopic> nodeTopics;

    private ServiceDefinition(List<ServiceSpec> services, Map<String, ServiceSpec> byName,
            List<ServiceNodeTopic> nodeTopics) {
        this.services = services;
        this.byName = byName;
        this.nodeTopics = nodeTopics;
    }

    /** A definition of these services and no node topics. */
    public static ServiceDefinition of(List<ServiceSpec> services) {
        return of(services, List.of());
    }

    /**
     * A definition of these services and node topics.
     *
     * @throws IllegalArgumentException if a service's id is not its index in the list, two services share
     *     a name, or two topics of a node share a channel or a topic name
     */
    public static ServiceDefinition of(List<ServiceSpec> services, List<ServiceNodeTopic> nodeTopics) {
        List<ServiceSpec> serviceList = List.copyOf(requireNonNull(services, "services is null"));
        List<ServiceNodeTopic> topicList = List.copyOf(requireNonNull(nodeTopics, "nodeTopics is null"));
        Map<String, ServiceSpec> byName = new HashMap<>();
        for (int index = 0; index < serviceList.size(); index++) {
            ServiceSpec spec = serviceList.get(index);
            if (spec.serviceId() != index) {
                throw new IllegalArgumentException("service " + spec.name() + " has serviceId " + spec.serviceId()
                        + " but is at index " + index + "; a service's id is its index");
            }
            ServiceSpec earlier = byName.putIfAbsent(spec.name(), spec);
            if (earlier != null) {
                throw new IllegalArgumentException("service name \"" + spec.name() + "\" is used twice (service ids "
                        + earlier.serviceId() + " and " + index + ")");
            }
        }
        NodeTopicIndex index = new NodeTopicIndex();
        for (ServiceNodeTopic topic : topicList) {
            index.add(topic).ifPresent(conflict -> {
                throw new IllegalArgumentException(conflict.problem());
            });
        }
        return new ServiceDefinition(serviceList, Map.copyOf(byName), topicList);
    }

    /** A definition without services or node topics. */
    public static ServiceDefinition empty() {
        return EMPTY;
    }

    /** The service of this name. */
    public Optional<ServiceSpec> service(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All services; a service's id is its index here. */
    public List<ServiceSpec> services() {
        return services;
    }

    /** The PduMetaData size the definition declares: always {@value #PDU_META_DATA_SIZE}. */
    public int pduMetaDataSize() {
        return PDU_META_DATA_SIZE;
    }

    /** The topics of the definition's nodes, in file order. */
    public List<ServiceNodeTopic> nodeTopics() {
        return nodeTopics;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServiceDefinition that
                && services.equals(that.services) && nodeTopics.equals(that.nodeTopics);
    }

    @Override
    public int hashCode() {
        return 31 * services.hashCode() + nodeTopics.hashCode();
    }

    @Override
    public String toString() {
        return "ServiceDefinition[services=" + services + ", nodeTopics=" + nodeTopics + "]";
    }
}
