package org.cimforge.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.cimforge.codegen.CodegenOptions;
import org.cimforge.codegen.doc.ClassReference;
import org.cimforge.codegen.doc.DocOptions;
import org.cimforge.codegen.doc.SiteWriter;
import org.cimforge.mof.CompilationResult;

/** What the {@code doc} goal and the {@code doc-report} site report share: the selection, the title, the writing. */
abstract class AbstractDocMojo extends AbstractMofMojo {

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

    /**
     * Compiles the MOF and writes the class reference into {@code folder}. Returns false when there was no MOF to
     * document (logged), true when the site was written.
     */
    protected boolean writeReference(File folder) throws MojoExecutionException, MojoFailureException {
        if (title == null || title.isBlank()) {
            throw new MojoFailureException("cimforge.docTitle must not be empty");
        }
        List<Path> files = topLevelFiles();
        if (files.isEmpty()) {
            getLog().info("No MOF files in " + sourceDirectory + "; nothing to document");
            return false;
        }
        CompilationResult result = compileReported(files);
        List<String> patterns = classes == null ? List.of()
                : classes.stream().filter(c -> c != null && !c.isBlank()).map(String::trim).toList();
        List<String> includes = CodegenOptions.selection(patterns, result);
        try {
            SortedMap<String, String> site = ClassReference.render(result.schema(),
                    new DocOptions(title.trim(), includes));
            SiteWriter.Result written = SiteWriter.write(site, folder.toPath());
            long pages = site.keySet().stream().filter(k -> k.startsWith("classes/")).count();
            getLog().info("Class reference of " + pages + " classes in " + folder + " (open "
                    + new File(folder, "index.html") + "): " + written.written() + " files written, "
                    + written.unchanged() + " unchanged" + (written.removed() > 0
                    ? ", " + written.removed() + " stale pages removed" : ""));
            return true;
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the class reference: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("internal error in the CIMForge class reference: " + e, e);
        }
    }
}
