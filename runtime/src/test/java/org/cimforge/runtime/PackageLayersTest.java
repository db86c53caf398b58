package org.cimforge.runtime;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The package rules of runtime/README ("What is here" and "Architecture"), checked on the compiled main classes: a
 * package that imports one it must not fails here with the offending class and line. The check reads bytecode, so a
 * use of nothing but a compile-time constant of another package (inlined by javac) is not seen.
 */
class PackageLayersTest {
    /** What every runtime class may use besides the project's own packages. */
    static final String[] PLATFORM = {"java..", "javax..", "org.metricshub.wbem.."};

    static final String R = "org.cimforge.runtime";

    /** The "may import" column of runtime/README's Architecture table: package -> the runtime packages it may use. */
    static final Map<String, String[]> MAY_IMPORT = Map.ofEntries(
            Map.entry(R, new String[] {}),
            Map.entry(R + ".cimxml", new String[] {}),
            Map.entry(R + ".query", new String[] {}),
            Map.entry(R + ".provider", new String[] {R}),
            Map.entry(R + ".client", new String[] {R}),
            Map.entry(R + ".spi", new String[] {R, R + ".provider", R + ".cimxml"}),
            Map.entry(R + ".interop", new String[] {R + ".spi"}),
            Map.entry(R + ".indication", new String[] {R, R + ".cimxml", R + ".query", R + ".spi", R + ".interop"}),
            Map.entry(R + ".store", new String[] {R, R + ".provider", R + ".cimxml", R + ".spi"}),
            Map.entry(R + ".jobs", new String[] {R, R + ".cimxml", R + ".spi", R + ".indication"}),
            Map.entry(R + ".server.dispatch", new String[] {R, R + ".cimxml", R + ".query", R + ".spi"}),
            Map.entry(R + ".server", new String[] {R, R + ".cimxml", R + ".query", R + ".spi", R + ".interop",
                R + ".indication", R + ".server.dispatch"}),
            Map.entry(R + ".launch", new String[] {R + ".provider", R + ".spi", R + ".store", R + ".server"}));

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

    static Stream<Arguments> packages() {
        return MAY_IMPORT.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void eachPackageImportsOnlyWhatTheTableAllows(String pkg, String[] allowed) {
        String[] self = new String[allowed.length + 1];
        System.arraycopy(allowed, 0, self, 0, allowed.length);
        self[allowed.length] = pkg;
        noClasses().that().resideInAPackage(pkg)
                .should().dependOnClassesThat(resideInAPackage(R + "..").and(not(resideInAnyPackage(self))))
                .check(main);
    }

    @Test
    void everyRuntimePackageIsInTheTable() {
        classes().that().resideInAPackage(R + "..").should().resideInAnyPackage(MAY_IMPORT.keySet().toArray(
                new String[0])).check(main);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(R + ".(**)").should().beFreeOfCycles().check(main);
    }
}
