package org.hakoniwa.bridge.spi;

/**
 * Common shape of every extension-point provider: {@link java.util.ServiceLoader} finds it, and the
 * configuration selects it by {@link #name()}.
 */
public interface NamedProvider {
    /**
     * The stable name users write in the configuration, lowercase with dashes ({@code latest-wins}).
     * Two providers of one extension point must not share a name.
     */
    String name();
}
