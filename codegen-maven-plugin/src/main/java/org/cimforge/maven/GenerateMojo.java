package org.cimforge.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.cimforge.codegen.CodegenOptions;

/**
 * Generates typed Java bindings (model classes with ValueMap enums, provider interfaces, client stubs)
 * from MOF, adds them as a source root and the MOF they came from as a resource. Incremental: when no
 * input or setting changed since the last run, nothing is written.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true, requiresProject = false)
public class GenerateMojo extends AbstractMofMojo {

    /** Where generated Java sources go (added as a compile source root). */
    @Parameter(property = "cimforge.output", defaultValue = "${project.build.directory}/generated-sources/cimforge")
    protected File outputDirectory;

    /** Where the bundled MOF resource goes (added as a resource folder). */
    @Parameter(property = "cimforge.resourcesOutput",
            defaultValue = "${project.build.directory}/generated-resources/cimforge")
    protected File resourcesOutputDirectory;

    /** Base Java package; classes of schema prefix XYZ go to {@code <package>.xyz} unless mapped in packages. */
    @Parameter(property = "cimforge.package", defaultValue = "cim.generated")
    protected String packageName;

    /** Package per schema prefix, as PREFIX=java.package entries, e.g. {@code TPD=com.example.tpd}. */
    @Parameter(property = "cimforge.packages")
    protected List<String> packages;

    /**
     * Classes to generate, by name or glob (e.g. {@code CIM_Storage*}), with their superclasses, REF and
     * EmbeddedInstance targets. Empty means every class compiled, or, when some were found on the
     * include path by name (class search path), the classes of the MOF files and their includes.
     */
    @Parameter(property = "cimforge.classes")
    protected List<String> classes;

    /** What to emit: any of model, providers, clients (default: all three). */
    @Parameter(property = "cimforge.emit")
    protected List<String> emit;

    /** Where the incremental build state is kept: one {@code generate-<execution id>.state} per execution. */
    @Parameter(defaultValue = "${project.build.directory}/cimforge", readonly = true)
    protected File stateDirectory;

    /** The execution this run belongs to: its id keys the state file and the bundled MOF's folder. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cimforge:" + goal() + " skipped");
            return;
        }
        CodegenOptions options;
        try {
            options = ParameterMapping.options(packageName, classes, emit, packages);
        } catch (IllegalArgumentException badValue) {
            throw new MojoFailureException(badValue.getMessage());
        }
        String executionId = executionId();
        List<Path> files = topLevelFiles();
        if (files.isEmpty()) {
            getLog().info("No MOF files in " + sourceDirectory + "; nothing to generate");
            return;
        }
        try (IncludePath include = openIncludePath()) {
            // Keyed by execution id, so that two executions in one project never touch each other's files.
            GenerationRequest request = new GenerationRequest(files, include.roots(), include.archives(),
                    warningsAsErrors, options, outputDirectory.toPath(), resourcesOutputDirectory.toPath(),
                    stateDirectory.toPath().resolve(goal() + "-" + executionId + ".state"), executionId,
                    redefinitionPolicy());
            IncrementalGeneration.Outcome outcome = IncrementalGeneration.run(request, this::report);
            if (outcome.upToDate()) {
                getLog().info("Bindings are up to date (" + outcome.sourceFiles() + " files in " + outputDirectory + ")");
            } else {
                getLog().info(Summary.of(outcome.compilation()));
                getLog().info("Generated " + outcome.sourceFiles() + " Java files in " + outputDirectory
                        + (outcome.removedFiles() > 0 ? "; removed " + outcome.removedFiles() + " stale files" : ""));
            }
        } catch (IncrementalGeneration.MofErrors errors) {
            throw new MojoFailureException(Summary.errors(errors.count()));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write generated files: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("internal error in the CIMForge generator: " + e, e);
        }
        addRoots();
    }

    /** The execution id, checked to be usable as a file and folder name. */
    private String executionId() throws MojoFailureException {
        String id = mojoExecution == null ? "default-cli" : mojoExecution.getExecutionId();
        try {
            return MofBundle.checkName(id);
        } catch (IllegalArgumentException bad) {
            throw new MojoFailureException("cimforge:" + goal() + ": " + bad.getMessage());
        }
    }

    /** The goal name, used in logs and for the state file. */
    protected String goal() {
        return "generate";
    }

    protected void addRoots() {
        project.addCompileSourceRoot(outputDirectory.getPath());
        // Two executions may share the default resource folder; list it once so it is copied once.
        String folder = resourcesOutputDirectory.getPath();
        if (project.getResources().stream().noneMatch(r -> folder.equals(r.getDirectory()))) {
            project.addResource(resource());
        }
    }

    protected Resource resource() {
        Resource resource = new Resource();
        resource.setDirectory(resourcesOutputDirectory.getPath());
        return resource;
    }
}
