package org.cimforge.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.cimforge.codegen.Artifact;
import org.cimforge.codegen.CodegenOptions;
import org.junit.jupiter.api.Test;

/** The mapping from plugin parameters to generator options, including every refusal. */
class ParameterMappingTest {

    @Test
    void defaultsEmitEverythingForEveryClass() {
        CodegenOptions options = ParameterMapping.options("com.example", null, null, null);
        assertThat(options.basePackage()).isEqualTo("com.example");
        assertThat(options.includes()).isEmpty();
        assertThat(options.artifacts()).containsExactlyInAnyOrder(Artifact.values());
        assertThat(options.prefixPackages()).isEmpty();
    }

    @Test
    void valuesAreTrimmedAndCaseInsensitive() {
        CodegenOptions options = ParameterMapping.options(" com.example ", List.of(" CIM_Storage* ", ""),
                List.of("Model", " CLIENTS"), List.of("TPD = com.example.tpd"));
        assertThat(options.basePackage()).isEqualTo("com.example");
        assertThat(options.includes()).containsExactly("CIM_Storage*");
        assertThat(options.artifacts()).containsExactlyInAnyOrder(Artifact.MODEL, Artifact.CLIENTS);
        assertThat(options.prefixPackages()).containsExactlyEntriesOf(Map.of("TPD", "com.example.tpd"));
        assertThat(options.packageFor("tpd")).isEqualTo("com.example.tpd");
    }

    @Test
    void unknownEmitValueNamesTheAllowedValues() {
        assertThatThrownBy(() -> ParameterMapping.artifacts(List.of("model", "everything")))
                .hasMessage("cimforge.emit: 'everything' is not one of the allowed values: model, providers, clients");
    }

    @Test
    void providersWithoutModelAreRefused() {
        assertThatThrownBy(() -> ParameterMapping.artifacts(List.of("providers")))
                .hasMessageContaining("cimforge.emit").hasMessageContaining("need model");
    }

    @Test
    void malformedPackageMappingIsRefused() {
        assertThatThrownBy(() -> ParameterMapping.packages(List.of("TPD")))
                .hasMessageContaining("cimforge.packages: 'TPD' must have the form SCHEMAPREFIX=java.package");
        assertThatThrownBy(() -> ParameterMapping.packages(List.of("=x")))
                .hasMessageContaining("cimforge.packages");
    }

    @Test
    void basePackageMustBeAJavaPackage() {
        assertThatThrownBy(() -> ParameterMapping.options("", null, null, null))
                .hasMessageContaining("cimforge.package");
        assertThatThrownBy(() -> ParameterMapping.options("com.class", null, null, null))
                .hasMessageStartingWith("cimforge.package: ");
        assertThatThrownBy(() -> ParameterMapping.options("com..x", null, null, null))
                .hasMessageStartingWith("cimforge.package: ");
    }
}
