package org.cimforge.maven;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.cimforge.mof.CompilationResult;

/**
 * Compiles the MOF and reports every diagnostic without generating anything: a lint step for vendor
 * MOF in CI. Fails the build when the MOF has errors.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = false)
public class ValidateMojo extends AbstractMofMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cimforge:validate skipped");
            return;
        }
        List<Path> files = topLevelFiles();
        if (files.isEmpty()) {
            getLog().info("No MOF files in " + sourceDirectory + "; nothing to validate");
            return;
        }
        CompilationResult result = compileReported(files);
        getLog().info(Summary.of(result));
    }
}
