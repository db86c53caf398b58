package org.cimforge.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of runtime/README ("What is here" and "Architecture"), checked on the compiled main classes: a
 * package that imports one it must not fails here with the offending class and line.
 */
class PackageLayersTest {
    /** What every runtime class may use besides the project's own packages. */
    static final String[] PLATFORM = {"java..", "javax..", "org.metricshub.wbem.."};

    static JavaClasses main;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.cimforge.runtime");
    }

    static String[] with(String... packages) {
        String[] all = new String[PLATFORM.length + packages.length];
        System.arraycopy(PLATFORM, 0, all, 0, PLATFORM.length);
        System.arraycopy(packages, 0, all, PLATFORM.length, packages.length);
        return all;
    }

    @Test
    void whatGeneratedCodeExtendsStandsAlone() {
        classes().that().resideInAPackage("org.cimforge.runtime")
                .should().onlyDependOnClassesThat().resideInAnyPackage(with("org.cimforge.runtime"))
                .check(main);
    }

    @Test
    void theTypedProviderSpiBuildsOnlyOnTheCore() {
        classes().that().resideInAPackage("org.cimforge.runtime.provider..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(with("org.cimforge.runtime", "org.cimforge.runtime.provider.."))
                .check(main);
    }

    @Test
    void theTypedClientBuildsOnlyOnTheCore() {
        classes().that().resideInAPackage("org.cimforge.runtime.client..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(with("org.cimforge.runtime", "org.cimforge.runtime.client.."))
                .check(main);
    }
}
