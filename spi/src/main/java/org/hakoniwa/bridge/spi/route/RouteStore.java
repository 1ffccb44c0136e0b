package org.hakoniwa.bridge.spi.route;

import java.util.Collection;
import java.util.Optional;
import org.hakoniwa.bridge.spi.ClientId;

/**
 * RPC routes: registrations (service, client name) → connection, and calls in progress
 * (service, client name, request id) → connection, with a reverse index connection → routes so that a
 * connection that goes leaves nothing behind.
 *
 * <p>Threading: every method may be called concurrently from any thread and is atomic on its own.
 */
public interface RouteStore {
    /**
     * Registers {@code clientName} for {@code service} on behalf of {@code owner}. A new registration gets the
     * smallest number no live registration of that service holds.
     *
     * @param limit the most registrations the service may hold at once; 0 for no limit
     */
    RegisterResult register(String service, String clientName, ClientId owner, int limit);

    Optional<RpcRegistration> registration(String service, String clientName);

    /**
     * Records a call in progress for {@code owner}. Returns false, and records nothing, when a call with the
     * same key is already in progress.
     */
    boolean addPending(PendingCall call, ClientId owner);

    /**
     * Removes a call in progress and returns who made it; empty when the call is not (or no longer) pending.
     * Exactly one of several racing removers gets the owner: this is what makes each reply final.
     */
    Optional<ClientId> removePending(PendingCall call);

    /** Calls in progress of {@code owner}. */
    int pendingCount(ClientId owner);

    /** Every call in progress, of every connection. */
    Collection<PendingCall> pendingCalls();

    /** Removes every registration and call in progress of {@code owner}; returns what was removed. */
    RemovedRoutes removeClient(ClientId owner);

    int registrationCount();

    int pendingCount();
}
