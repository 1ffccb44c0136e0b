/**
 * The service definition file the Hakoniwa clients already use ({@code service.json}), read into an
 * immutable {@link org.hakoniwa.bridge.rpc.config.ServiceDefinition}. Problems are reported as
 * {@link org.hakoniwa.bridge.pdu.config.ConfigFileException} with the file, the JSONPath and what is wrong.
 */
package org.hakoniwa.bridge.rpc.config;
