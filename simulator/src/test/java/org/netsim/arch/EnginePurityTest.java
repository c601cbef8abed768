package org.netsim.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine stays pure: it must run where there is no JavaFX and no libpcap. */
class EnginePurityTest {
    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.netsim");

    @Test
    void simulatorDependsNeitherOnJavaFxNorOnPcap4j() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.pcap4j..", "com.sun.javafx..")
                .because("the simulator is the pure engine; the GUI and live capture live in app/")
                .check(engine);
    }

    @Test
    void simulatorDoesNotReachIntoTheAppOrTheLessons() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.netsim.app..", "org.netsim.lessons..")
                .check(engine);
    }
}
