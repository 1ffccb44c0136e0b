package org.hakoniwa.bridge.rpc.route;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hakoniwa.bridge.spi.ClientId;
import org.hakoniwa.bridge.spi.route.PendingCall;
import org.hakoniwa.bridge.spi.route.RegisterOutcome;
import org.hakoniwa.bridge.spi.route.RegisterResult;
import org.hakoniwa.bridge.spi.route.RouteStore;
import org.hakoniwa.bridge.spi.route.RpcRegistration;

/**
 * The default {@link RouteStore}: plain maps behind one lock. RPC traffic is light next to PDU traffic, and one
 * lock keeps the forward and reverse indexes in step (a registration, its number and its owner's index change
 * together).
 */
public final class InMemoryRouteStore implements RouteStore {
    private final Object lock = new Object();
    // Everything below is guarded by lock.
    private final Map<Name, RpcRegistration> registrations = new HashMap<>();
    private final Map<String, BitSet> numbersInUse = new HashMap<>();
    private final Map<ClientId, Set<Name>> namesByOwner = new HashMap<>();
    private final Map<PendingCall, ClientId> pending = new HashMap<>();
    private final Map<ClientId, Set<PendingCall>> pendingByOwner = new HashMap<>();

    private record Name(String service, String clientName) {
    }

    @Override
    public RegisterResult register(String service, String clientName, ClientId owner, int limit) {
        requireNonNull(service, "service is null");
        requireNonNull(clientName, "clientName is null");
        requireNonNull(owner, "owner is null");
        Name name = new Name(service, clientName);
        synchronized (lock) {
            RpcRegistration existing = registrations.get(name);
            if (existing != null) {
                RegisterOutcome outcome = existing.owner().equals(owner)
                        ? RegisterOutcome.ALREADY_REGISTERED : RegisterOutcome.NAME_TAKEN;
                return new RegisterResult(outcome, Optional.of(existing));
            }
            BitSet numbers = numbersInUse.computeIfAbsent(service, s -> new BitSet());
            if (limit > 0 && numbers.cardinality() >= limit) {
                return new RegisterResult(RegisterOutcome.SERVICE_FULL, Optional.empty());
            }
            int number = numbers.nextClearBit(0);
            numbers.set(number);
            RpcRegistration registration = new RpcRegistration(service, clientName, owner, number);
            registrations.put(name, registration);
            namesByOwner.computeIfAbsent(owner, o -> new LinkedHashSet<>()).add(name);
            return new RegisterResult(RegisterOutcome.REGISTERED, Optional.of(registration));
        }
    }

    @Override
    public Optional<RpcRegistration> registration(String service, String clientName) {
        synchronized (lock) {
            return Optional.ofNullable(registrations.get(new Name(service, clientName)));
        }
    }

    private RpcRegistration forget(Name name) {
        RpcRegistration removed = registrations.remove(name);
        if (removed != null) {
            BitSet numbers = numbersInUse.get(name.service());
            numbers.clear(removed.number());
            if (numbers.isEmpty()) {
                numbersInUse.remove(name.service());
            }
        }
        return removed;
    }

    @Override
    public boolean addPending(PendingCall call, ClientId owner) {
        requireNonNull(call, "call is null");
        requireNonNull(owner, "owner is null");
        synchronized (lock) {
            if (pending.containsKey(call)) {
                return false;
            }
            pending.put(call, owner);
            pendingByOwner.computeIfAbsent(owner, o -> new LinkedHashSet<>()).add(call);
            return true;
        }
    }

    @Override
    public Optional<ClientId> removePending(PendingCall call) {
        synchronized (lock) {
            return Optional.ofNullable(removePendingLocked(call));
        }
    }

    private ClientId removePendingLocked(PendingCall call) {
        ClientId owner = pending.remove(call);
        if (owner != null) {
            Set<PendingCall> calls = pendingByOwner.get(owner);
            calls.remove(call);
            if (calls.isEmpty()) {
                pendingByOwner.remove(owner);
            }
        }
        return owner;
    }

    @Override
    public int pendingCount(ClientId owner) {
        synchronized (lock) {
            return pendingByOwner.getOrDefault(owner, Set.of()).size();
        }
    }

    @Override
    public Collection<PendingCall> pendingCalls() {
        synchronized (lock) {
            return List.copyOf(pending.keySet());
        }
    }

    @Override
    public org.hakoniwa.bridge.spi.route.RemovedRoutes removeClient(ClientId owner) {
        synchronized (lock) {
            List<RpcRegistration> removedRegistrations = new ArrayList<>();
            for (Name name : namesByOwner.getOrDefault(owner, Set.of())) {
                RpcRegistration removed = forget(name);
                if (removed != null) {
                    removedRegistrations.add(removed);
                }
            }
            namesByOwner.remove(owner);
            List<PendingCall> removedCalls = new ArrayList<>(pendingByOwner.getOrDefault(owner, Set.of()));
            removedCalls.forEach(pending::remove);
            pendingByOwner.remove(owner);
            return new org.hakoniwa.bridge.spi.route.RemovedRoutes(removedRegistrations, removedCalls);
        }
    }

    @Override
    public int registrationCount() {
        synchronized (lock) {
            return registrations.size();
        }
    }

    @Override
    public int pendingCount() {
        synchronized (lock) {
            return pending.size();
        }
    }
}
