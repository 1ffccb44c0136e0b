package org.hakoniwa.bridge.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.hakoniwa.bridge.spi.NamedProvider;

/** Providers are what ServiceLoader can instantiate and what users can recognise. */
@AnalyzeClasses(packages = "org.hakoniwa.bridge", importOptions = ImportOption.DoNotIncludeTests.class)
class ProviderRulesTest {
    private static final DescribedPredicate<JavaClass> PROVIDER_IMPLEMENTATIONS = new DescribedPredicate<>(
            "implement a NamedProvider") {
        @Override
        public boolean test(JavaClass type) {
            return !type.isInterface() && type.isAssignableTo(NamedProvider.class);
        }
    };

    private static final ArchCondition<JavaClass> HAVE_A_PUBLIC_NO_ARG_CONSTRUCTOR = new ArchCondition<>(
            "have a public no-arg constructor") {
        @Override
        public void check(JavaClass type, ConditionEvents events) {
            boolean present = type.getConstructors().stream().anyMatch(c -> c.getRawParameterTypes().isEmpty()
                    && c.getModifiers().contains(JavaModifier.PUBLIC));
            events.add(new SimpleConditionEvent(type, present, type.getName()
                    + (present ? " has" : " lacks") + " a public no-arg constructor"));
        }
    };

    @ArchTest
    static final ArchRule providers_are_public_final_and_loadable = classes()
            .that(PROVIDER_IMPLEMENTATIONS)
            .should().bePublic().andShould().haveModifier(JavaModifier.FINAL)
            .andShould(HAVE_A_PUBLIC_NO_ARG_CONSTRUCTOR)
            .because("ServiceLoader instantiates providers reflectively");

    @ArchTest
    static final ArchRule providers_are_named_for_what_they_provide = classes()
            .that(PROVIDER_IMPLEMENTATIONS)
            .should().haveSimpleNameEndingWith("Provider")
            .because("a user reading a services file or a stack trace should see what the class is");
}
