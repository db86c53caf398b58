package org.cimforge.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.cimforge.codegen.doc.ClassReference;
import org.cimforge.codegen.doc.DocOptions;
import org.cimforge.codegen.doc.SiteWriter;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;

/**
 * Writes a static HTML class reference of the MOF (index with search, inheritance tree, one page per class with
 * properties, ValueMaps, methods and return codes) into a folder; open its {@code index.html} in a browser.
 */
@Mojo(name = "doc", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true, requiresProject = false)
public class DocMojo extends AbstractMofMojo {

    /** Folder the site is written to; its {@code index.html} is the entry page. */
    @Parameter(property = "cimforge.output", defaultValue = "${project.build.directory}/cimforge-doc")
    protected File outputDirectory;

    /**
     * Classes to document, by name or glob (e.g. {@code CIM_Storage*}), with their superclasses, REF and
     * EmbeddedInstance targets. Empty means every class compiled, or, when some were found on the include path by
     * name (class search path), the classes of the MOF files and their includes.
     */
    @Parameter(property = "cimforge.classes")
    protected List<String> classes;

    /** Title of the reference, shown on the index page and in every page's title. */
    @Parameter(property = "cimforge.docTitle", defaultValue = "CIM class reference")
    protected String title;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cimforge:doc skipped");
            return;
        }
        if (title == null || title.isBlank()) {
            throw new MojoFailureException("cimforge.docTitle must not be empty");
        }
        List<Path> files = topLevelFiles();
        if (files.isEmpty()) {
            getLog().info("No MOF files in " + sourceDirectory + "; nothing to document");
            return;
        }
        CompilationResult result;
        try (IncludePath include = openIncludePath()) {
            result = MofCompiler.builder().includePath(include.roots()).warningsAsErrors(warningsAsErrors).build()
                    .compile(files);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("internal error while compiling MOF: " + e, e);
        }
        result.diagnostics().forEach(this::report);
        if (result.hasErrors()) {
            throw new MojoFailureException(Summary.errors(result.errors().size()));
        }
        List<String> includes = IncrementalGeneration.selection(
                classes == null ? List.of() : classes.stream().filter(c -> c != null && !c.isBlank())
                        .map(String::trim).toList(), result);
        try {
            SortedMap<String, String> site = ClassReference.render(result.schema(),
                    new DocOptions(title.trim(), includes));
            SiteWriter.Result written = SiteWriter.write(site, outputDirectory.toPath());
            long pages = site.keySet().stream().filter(k -> k.startsWith("classes/")).count();
            getLog().info("Class reference of " + pages + " classes in " + outputDirectory + " (open "
                    + new File(outputDirectory, "index.html") + "): " + written.written() + " files written, "
                    + written.unchanged() + " unchanged" + (written.removed() > 0
                    ? ", " + written.removed() + " stale pages removed" : ""));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the class reference: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("internal error in the CIMForge class reference: " + e, e);
        }
    }
}
