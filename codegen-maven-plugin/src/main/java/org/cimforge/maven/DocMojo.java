package org.cimforge.maven;

import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a static HTML class reference of the MOF (index with search, inheritance tree, one page per class with
 * properties, ValueMaps, methods and return codes) into a folder; open its {@code index.html} in a browser.
 */
@Mojo(name = "doc", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true, requiresProject = false)
public class DocMojo extends AbstractDocMojo {

    /** Folder the site is written to; its {@code index.html} is the entry page. */
    @Parameter(property = "cimforge.output", defaultValue = "${project.build.directory}/cimforge-doc")
    protected File outputDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cimforge:doc skipped");
            return;
        }
        writeReference(outputDirectory);
    }
}
