package org.cimforge.maven;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cimforge.codegen.Artifact;
import org.cimforge.codegen.CodegenOptions;

/**
 * Turns the plugin's string parameters into generator options, refusing bad values with a message
 * that names the parameter and the values it accepts. Kept free of Maven types so it is unit-tested.
 */
final class ParameterMapping {
    private ParameterMapping() {
    }

    static CodegenOptions options(String basePackage, List<String> classes, List<String> emit,
                                  List<String> packageMappings) {
        if (basePackage == null || basePackage.isBlank()) {
            throw new IllegalArgumentException("cimforge.package must name a Java package, e.g. com.example.cim");
        }
        CodegenOptions options;
        try {
            options = new CodegenOptions(basePackage.trim(), trimmed(classes), artifacts(emit), packages(packageMappings));
        } catch (IllegalArgumentException badPackage) {
            throw new IllegalArgumentException("cimforge.package: " + badPackage.getMessage());
        }
        return options;
    }

    /** "model", "providers", "clients" (any case); empty means all three. */
    static Set<Artifact> artifacts(List<String> emit) {
        if (emit == null || trimmed(emit).isEmpty()) {
            return EnumSet.allOf(Artifact.class);
        }
        Set<Artifact> artifacts = EnumSet.noneOf(Artifact.class);
        for (String value : trimmed(emit)) {
            try {
                artifacts.add(Artifact.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("cimforge.emit: '" + value
                        + "' is not one of the allowed values: model, providers, clients");
            }
        }
        if (!artifacts.contains(Artifact.MODEL)) {
            // Providers and clients are written against the model classes.
            throw new IllegalArgumentException("cimforge.emit: providers and clients need model; add 'model'");
        }
        return artifacts;
    }

    /** "PREFIX=java.package" entries, e.g. {@code TPD=com.example.tpd}. */
    static Map<String, String> packages(List<String> mappings) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String mapping : trimmed(mappings)) {
            int eq = mapping.indexOf('=');
            if (eq <= 0 || eq == mapping.length() - 1) {
                throw new IllegalArgumentException("cimforge.packages: '" + mapping
                        + "' must have the form SCHEMAPREFIX=java.package, e.g. CIM=com.example.cim");
            }
            result.put(mapping.substring(0, eq).trim(), mapping.substring(eq + 1).trim());
        }
        return result;
    }

    private static List<String> trimmed(List<String> values) {
        List<String> result = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    result.add(value.trim());
                }
            }
        }
        return result;
    }
}
