package org.hakoniwa.bridge.archtests;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Packages form a graph without cycles. */
@AnalyzeClasses(packages = "org.hakoniwa.bridge", importOptions = ImportOption.DoNotIncludeTests.class)
class CycleRulesTest {
    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices()
            .matching("org.hakoniwa.bridge.(**)")
            .should().beFreeOfCycles()
            .because("a cycle between packages makes them one package in disguise");
}
