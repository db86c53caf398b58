package org.cimforge.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.Diagnostic;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.RedefinitionPolicy;

/** Parameters and helpers shared by the goals that read MOF: which files, the include path, strictness. */
abstract class AbstractMofMojo extends AbstractMojo {

    /** Folder scanned for MOF files when {@code mofFiles} is not given. */
    @Parameter(property = "cimforge.sourceDirectory", defaultValue = "${project.basedir}/src/main/mof")
    protected File sourceDirectory;

    /** Patterns (relative to sourceDirectory) of the files to compile. */
    @Parameter(property = "cimforge.includes", defaultValue = "**/*.mof")
    protected List<String> includes;

    /** Patterns (relative to sourceDirectory) of files to leave out, e.g. files only ever included by others. */
    @Parameter(property = "cimforge.excludes")
    protected List<String> excludes;

    /**
     * The top-level MOF files, compiled in this order; when set, sourceDirectory is not scanned.
     * On the command line: {@code -Dcimforge.mof=a.mof,b.mof}.
     */
    @Parameter(property = "cimforge.mof")
    protected List<File> mofFiles;

    /**
     * Folders, or jar/zip files, searched for {@code #pragma include} files that are not next to the
     * including file, e.g. the folder of the DMTF CIM schema or a dependency jar that ships it. Also the
     * class search path: a class no compiled file declares is read from {@code <ClassName>.mof}
     * anywhere under them, missing qualifier declarations from {@code qualifiers.mof} and
     * {@code qualifiers_optional.mof}.
     * On the command line: {@code -Dcimforge.includePath=dir1,schema.jar}.
     */
    @Parameter(property = "cimforge.includePath")
    protected List<File> includePath;

    /** Treat MOF warnings (unknown pragmas, implicit overrides, ...) as errors. */
    @Parameter(property = "cimforge.werror", defaultValue = "false")
    protected boolean warningsAsErrors;

    /**
     * What a class declared a second time does: {@code keep-first} (the first declaration stands, with a
     * {@code duplicate-class} warning), {@code replace} (the later one replaces it) or {@code error}.
     */
    @Parameter(property = "cimforge.redefinition", defaultValue = "keep-first")
    protected String redefinition;

    /** Skip this goal. */
    @Parameter(property = "cimforge.skip", defaultValue = "false")
    protected boolean skip;

    /** The redefinition parameter as the compiler's policy; a bad value fails naming the parameter. */
    protected RedefinitionPolicy redefinitionPolicy() throws MojoFailureException {
        try {
            return RedefinitionPolicy.parse(redefinition == null ? "keep-first" : redefinition);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("cimforge.redefinition: " + e.getMessage());
        }
    }

    /** The top-level files to compile, checked to exist. */
    protected List<Path> topLevelFiles() throws MojoFailureException, MojoExecutionException {
        if (mofFiles != null && !mofFiles.isEmpty()) {
            List<Path> files = new ArrayList<>();
            for (File file : mofFiles) {
                if (!file.isFile()) {
                    throw new MojoFailureException("cimforge.mof: " + file + " is not a file");
                }
                files.add(file.toPath());
            }
            return files;
        }
        try {
            return MofSources.select(sourceDirectory.toPath(), includes, excludes == null ? List.of() : excludes);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list " + sourceDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Opens the include path (folders and jar/zip files); the caller closes it. */
    protected IncludePath openIncludePath() throws MojoFailureException, MojoExecutionException {
        List<Path> entries = new ArrayList<>();
        if (includePath != null) {
            includePath.forEach(f -> entries.add(f.toPath()));
        }
        try {
            return IncludePath.open(entries);
        } catch (IllegalArgumentException bad) {
            throw new MojoFailureException(bad.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot open the include path: " + e.getMessage(), e);
        }
    }

    /**
     * Compiles the files with this goal's include path, warning and redefinition settings, reports every
     * diagnostic, and fails the goal when there are errors.
     */
    protected CompilationResult compileReported(List<Path> files) throws MojoFailureException, MojoExecutionException {
        RedefinitionPolicy policy = redefinitionPolicy();
        CompilationResult result;
        try (IncludePath include = openIncludePath()) {
            result = MofCompiler.builder().includePath(include.roots()).warningsAsErrors(warningsAsErrors)
                    .redefinition(policy).build().compile(files);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("internal error while compiling MOF: " + e, e);
        }
        result.diagnostics().forEach(this::report);
        if (result.hasErrors()) {
            throw new MojoFailureException(Summary.errors(result.errors().size()));
        }
        return result;
    }

    /** Logs a diagnostic as {@code path:line:col: message [code]}, then its source line and caret. */
    protected void report(Diagnostic diagnostic) {
        Log log = getLog();
        String[] lines = diagnostic.render().split("\n");
        for (String line : lines) {
            if (diagnostic.isError()) {
                log.error(line);
            } else {
                log.warn(line);
            }
        }
    }
}
