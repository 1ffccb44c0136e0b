package org.hakoniwa.bridge.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.hakoniwa.bridge.spi.ClientId;

/** The simulator's store of PDUs is keyed by robot and channel only: it never sees who wrote what. */
@AnalyzeClasses(packages = "org.hakoniwa.bridge", importOptions = ImportOption.DoNotIncludeTests.class)
class CommunicationBufferRulesTest {
    @ArchTest
    static final ArchRule the_communication_buffer_never_sees_a_client_id = noClasses()
            .that().resideInAPackage("org.hakoniwa.bridge.pdu.buffer..")
            .should().dependOnClassesThat().areAssignableTo(ClientId.class)
            .because("the simulator sees one world however many clients feed it: no field, parameter, return"
                    + " type or call of the buffer may carry a client id");

    @ArchTest
    static final ArchRule the_communication_buffer_does_not_reach_the_endpoint_or_peers = noClasses()
            .that().resideInAPackage("org.hakoniwa.bridge.pdu.buffer..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hakoniwa.bridge.pdu.endpoint..",
                    "org.hakoniwa.bridge.pdu.peer..", "org.hakoniwa.bridge.pdu.dispatch..",
                    "org.hakoniwa.bridge.spi.subscription..", "org.hakoniwa.bridge.spi.route..")
            .because("those are where client ids live; the buffer must not learn them indirectly");
}
