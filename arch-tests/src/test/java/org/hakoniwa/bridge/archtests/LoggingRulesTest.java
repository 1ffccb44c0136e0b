package org.hakoniwa.bridge.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.slf4j.Logger;

/** Logging goes through slf4j, one private static final logger per class. */
@AnalyzeClasses(packages = "org.hakoniwa.bridge", importOptions = ImportOption.DoNotIncludeTests.class)
class LoggingRulesTest {
    @ArchTest
    static final ArchRule loggers_are_private_static_final = fields()
            .that().haveRawType(Logger.class)
            .should().bePrivate().andShould().beStatic().andShould().beFinal()
            .because("one logger per class, named after it");

    @ArchTest
    static final ArchRule nobody_prints_to_the_console_except_the_command_line_entry_point = noClasses()
            .that().resideOutsideOfPackages("org.hakoniwa.bridge.sim.demo..", "org.hakoniwa.bridge.sim.config..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("log lines carry the client id and go where the host's logging sends them");

    @ArchTest
    static final ArchRule no_logging_backend_is_used_directly = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..", "org.apache.log4j..",
                    "org.apache.logging.log4j..", "java.util.logging..")
            .because("the binding is the application's choice; the bridge speaks slf4j");
}
