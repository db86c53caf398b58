package org.cimforge.codegen;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.cimforge.mof.CompilationResult;

/**
 * What to generate: the base package, which classes (names or globs such as {@code CIM_Storage*};
 * empty means all), which artifacts, and optional package overrides per schema prefix.
 *
 * <p>A class {@code CIM_StorageVolume} lands in {@code <basePackage>.cim} unless the prefix
 * {@code CIM} is overridden; providers and clients go to the {@code .provider} and {@code .client}
 * sub-packages of their model package.
 */
public record CodegenOptions(String basePackage, List<String> includes, Set<Artifact> artifacts,
                             Map<String, String> prefixPackages) {

    public CodegenOptions {
        Objects.requireNonNull(basePackage, "basePackage");
        includes = List.copyOf(includes);
        artifacts = artifacts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(artifacts));
        TreeMap<String, String> prefixes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        prefixes.putAll(prefixPackages);
        prefixPackages = prefixes;
        for (String segment : basePackage.split("\\.", -1)) {
            if (!NameAllocator.legal(segment).equals(segment)) {
                throw new IllegalArgumentException("not a Java package name: " + basePackage);
            }
        }
    }

    /** Everything for every class, under the given base package. */
    public static CodegenOptions defaults(String basePackage) {
        return new CodegenOptions(basePackage, List.of(), EnumSet.allOf(Artifact.class), Map.of());
    }

    /** A copy that generates only the selected classes (and what they need). */
    public CodegenOptions withIncludes(List<String> patterns) {
        return new CodegenOptions(basePackage, patterns, artifacts, prefixPackages);
    }

    /**
     * The selection {@code generate} makes by default for a compilation: with no classes set and classes read from
     * the include path by name (class search path), the classes of the user's own files and what they need (the
     * generator closes the selection over superclasses, REF and EmbeddedInstance targets), not every class that
     * was read. Otherwise these options stand as given.
     */
    public CodegenOptions forCompilation(CompilationResult result) {
        List<String> selected = selection(includes, result);
        return selected == includes ? this : withIncludes(selected);
    }

    /**
     * The same rule for a bare list of class patterns (the {@code doc} goal has no generator options): the
     * patterns as given, or the user's own classes when none is given and the compilation used the class search path.
     */
    public static List<String> selection(List<String> includes, CompilationResult result) {
        if (!includes.isEmpty() || result.foundOnSearchPath().isEmpty()) {
            return includes;
        }
        List<String> own = result.ownClasses().stream().map(c -> c.name().spelling()).toList();
        // A MOF of instances only declares no class: then what was read is already just what they need.
        return own.isEmpty() ? includes : own;
    }

    /** A copy that emits only the given artifacts. */
    public CodegenOptions withArtifacts(Set<Artifact> kinds) {
        return new CodegenOptions(basePackage, includes, kinds, prefixPackages);
    }

    /** The model package for a schema prefix ({@code ""} for class names without one). */
    public String packageFor(String schemaPrefix) {
        String override = prefixPackages.get(schemaPrefix);
        if (override != null) {
            return override;
        }
        if (schemaPrefix.isEmpty()) {
            return basePackage;
        }
        return basePackage + "." + NameAllocator.legal(schemaPrefix.toLowerCase(Locale.ROOT));
    }
}
