package org.hakoniwa.bridge.sim.config;

/** The kinds of value a {@link ConfigKey} holds; decides which {@code ProviderConfig} getter may read it. */
enum ValueKind {
    STRING("a string"),
    INT("an int"),
    BOOLEAN("a boolean"),
    DURATION("a duration"),
    SIZE("a size"),
    PATH("a path"),
    CHOICE("a choice"),
    DECIMAL("a number");

    private final String withArticle;

    ValueKind(String withArticle) {
        this.withArticle = withArticle;
    }

    /** "an int", "a duration": for messages. */
    String withArticle() {
        return withArticle;
    }
}
