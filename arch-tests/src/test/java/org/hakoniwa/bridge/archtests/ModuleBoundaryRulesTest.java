package org.hakoniwa.bridge.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Which third-party APIs each module may touch. */
@AnalyzeClasses(packages = "org.hakoniwa.bridge", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundaryRulesTest {
    @ArchTest
    static final ArchRule spi_depends_on_the_jdk_only = classes()
            .that().resideInAPackage("org.hakoniwa.bridge.spi..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.hakoniwa.bridge.spi..")
            .because("extension points must be implementable with nothing but the JDK and the SPI jar");

    @ArchTest
    static final ArchRule jetty_and_jakarta_websocket_stay_in_transport_jetty = noClasses()
            .that().resideOutsideOfPackage("org.hakoniwa.bridge.transport.jetty..")
            .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "jakarta.websocket..",
                    "jakarta.servlet..")
            .because("swapping the transport must only mean swapping the transport module");

    @ArchTest
    static final ArchRule guice_stays_in_plugin_sim = noClasses()
            .that().resideOutsideOfPackage("org.hakoniwa.bridge.sim..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..")
            .because("Guice is the plugin's wiring; the protocol modules take their dependencies through"
                    + " constructors");

    @ArchTest
    static final ArchRule guice_is_used_by_the_wiring_package_only = noClasses()
            .that().resideOutsideOfPackage("org.hakoniwa.bridge.sim.wiring..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..")
            .because("modules and the injector live together; everything else is plain constructors");

    @ArchTest
    static final ArchRule protocol_modules_do_not_reach_up_into_the_plugin = noClasses()
            .that().resideInAnyPackage("org.hakoniwa.bridge.pdu..", "org.hakoniwa.bridge.rpc..",
                    "org.hakoniwa.bridge.transport..")
            .should().dependOnClassesThat().resideInAPackage("org.hakoniwa.bridge.sim..")
            .because("the plugin assembles the protocol modules, not the other way round");

    @ArchTest
    static final ArchRule the_pdu_module_does_not_know_rpc = noClasses()
            .that().resideInAPackage("org.hakoniwa.bridge.pdu..")
            .should().dependOnClassesThat().resideInAPackage("org.hakoniwa.bridge.rpc..")
            .because("RPC plugs into the PDU dispatcher through FrameHandler");

    @ArchTest
    static final ArchRule protocol_modules_do_not_depend_on_a_transport_implementation = noClasses()
            .that().resideInAnyPackage("org.hakoniwa.bridge.pdu..", "org.hakoniwa.bridge.rpc..")
            .should().dependOnClassesThat().resideInAPackage("org.hakoniwa.bridge.transport..")
            .because("the protocol runs over the Transport SPI, whatever implements it");
}
