package org.hakoniwa.bridge.rpc.server;

import org.hakoniwa.bridge.rpc.config.ServiceSpec;
import org.hakoniwa.bridge.rpc.service.ServiceHandler;
import org.hakoniwa.bridge.rpc.service.ServiceLayout;

/** A service of the definition with the handler the host registered for it. */
record RegisteredService(ServiceSpec spec, ServiceHandler handler, ServiceLayout layout) {
}
