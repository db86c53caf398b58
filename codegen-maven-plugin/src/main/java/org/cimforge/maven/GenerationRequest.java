package org.cimforge.maven;

import java.nio.file.Path;
import java.util.List;
import org.cimforge.codegen.CodegenOptions;
import org.cimforge.mof.RedefinitionPolicy;

/**
 * Everything one {@code generate} run needs, mapped from the Mojo's parameters: the top-level MOF
 * files, the include path, the generator options, where sources, resources and state go, and the
 * bundle name (the execution id) that keeps the MOF bundle of one execution apart from another's.
 */
record GenerationRequest(List<Path> mofFiles, List<Path> includePath, List<Path> includeArchives,
                         boolean warningsAsErrors, CodegenOptions options, Path sourceOutput, Path resourceOutput,
                         Path stateFile, String bundleName, RedefinitionPolicy redefinition) {

    GenerationRequest {
        mofFiles = List.copyOf(mofFiles);
        includePath = List.copyOf(includePath);
        includeArchives = List.copyOf(includeArchives);
        MofBundle.checkName(bundleName);
        java.util.Objects.requireNonNull(redefinition, "redefinition");
    }

    /** A request with the compiler's default redefinition policy (keep-first). */
    GenerationRequest(List<Path> mofFiles, List<Path> includePath, List<Path> includeArchives,
                      boolean warningsAsErrors, CodegenOptions options, Path sourceOutput, Path resourceOutput,
                      Path stateFile, String bundleName) {
        this(mofFiles, includePath, includeArchives, warningsAsErrors, options, sourceOutput, resourceOutput,
                stateFile, bundleName, RedefinitionPolicy.KEEP_FIRST);
    }

    /** A request whose bundle is named after the default execution id of a pom, {@code default}. */
    GenerationRequest(List<Path> mofFiles, List<Path> includePath, List<Path> includeArchives,
                      boolean warningsAsErrors, CodegenOptions options, Path sourceOutput, Path resourceOutput,
                      Path stateFile) {
        this(mofFiles, includePath, includeArchives, warningsAsErrors, options, sourceOutput, resourceOutput,
                stateFile, "default");
    }

    /** A stable text of every setting that changes the output, for the build fingerprint. */
    String settingsText() {
        StringBuilder text = new StringBuilder("cimforge-generate/2\n");
        text.append("package=").append(options.basePackage()).append('\n');
        text.append("classes=").append(options.includes()).append('\n');
        text.append("emit=").append(options.artifacts().stream().map(Enum::name).sorted().toList()).append('\n');
        text.append("packages=").append(options.prefixPackages()).append('\n');
        text.append("werror=").append(warningsAsErrors).append('\n');
        text.append("redefinition=").append(redefinition.id()).append('\n');
        text.append("includePath=").append(includePath).append('\n');
        text.append("includeArchives=").append(includeArchives).append('\n');
        text.append("sources=").append(sourceOutput).append('\n');
        text.append("resources=").append(resourceOutput).append('\n');
        text.append("bundle=").append(bundleName).append('\n');
        return text.toString();
    }
}
