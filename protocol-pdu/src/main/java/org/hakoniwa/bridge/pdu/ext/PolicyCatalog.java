package org.hakoniwa.bridge.pdu.ext;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hakoniwa.bridge.spi.backpressure.BackpressurePolicy;

/** The backpressure policies a client may choose per topic, by provider name. Immutable. */
public final class PolicyCatalog {
    private final Map<String, BackpressurePolicy> policies;

    public PolicyCatalog(Map<String, BackpressurePolicy> policies) {
        this.policies = Map.copyOf(policies);
    }

    public static PolicyCatalog empty() {
        return new PolicyCatalog(Map.of());
    }

    public Optional<BackpressurePolicy> byName(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    public SortedSet<String> names() {
        return new TreeSet<>(policies.keySet());
    }
}
