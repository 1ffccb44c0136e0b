/**
 * The PDU definition files the Hakoniwa clients already use ({@code pdu_config.json}, legacy and compact
 * form), read into an immutable {@link org.hakoniwa.bridge.pdu.config.PduDefinition}.
 *
 * <p>Every problem in a file is reported as a {@link org.hakoniwa.bridge.pdu.config.ConfigFileException}
 * that names the file, the JSONPath and what is wrong. {@link org.hakoniwa.bridge.pdu.config.ConfigNode}
 * is the checked JSON reader behind it, shared with the service definition loader of protocol-rpc.
 */
package org.hakoniwa.bridge.pdu.config;
