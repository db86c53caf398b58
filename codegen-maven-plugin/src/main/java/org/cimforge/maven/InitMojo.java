package org.cimforge.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.cimforge.codegen.init.InitException;
import org.cimforge.codegen.init.InitRequest;
import org.cimforge.codegen.init.InitResult;
import org.cimforge.codegen.init.ProjectWriter;

/**
 * Writes a new Maven project, {@code ./<artifactId>}, that serves a vendor MOF: bindings generated in its build, a
 * starter provider per concrete class over the runtime's in-memory store, a {@code main} and a test (see the
 * plugin's README). Refuses an existing folder. The work is done by the Maven-free
 * {@link ProjectWriter}; this goal maps the parameters and reports.
 */
@Mojo(name = "init", threadSafe = true, requiresProject = false)
public class InitMojo extends AbstractMofMojo {

    /** The new project's artifactId: the name of its folder and of its runnable jar. */
    @Parameter(property = "cimforge.artifactId")
    protected String artifactId;

    /** The new project's groupId. */
    @Parameter(property = "cimforge.groupId", defaultValue = InitRequest.DEFAULT_GROUP_ID)
    protected String groupId;

    /** Java package of the bindings; the project's own code goes to {@code <package>.server}. Default: from the
     * groupId and artifactId. */
    @Parameter(property = "cimforge.package")
    protected String packageName;

    /** The folder the project folder is created in: where Maven runs. */
    @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
    protected File basedir;

    /** This plugin's version, which the new project's build uses for the plugin and the runtime. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    protected String pluginVersion;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (artifactId == null || artifactId.isBlank()) {
            throw new MojoFailureException("cimforge.artifactId: give the new project's name, e.g."
                    + " -Dcimforge.artifactId=acme-provider (it becomes the folder ./acme-provider)");
        }
        if (mofFiles == null || mofFiles.size() != 1) {
            throw new MojoFailureException("cimforge.mof: give exactly one vendor MOF file, e.g. -Dcimforge.mof=vendor.mof");
        }
        List<Path> folders = new ArrayList<>();
        if (includePath != null) {
            includePath.forEach(f -> folders.add(f.toPath()));
        }
        InitResult result;
        try {
            result = ProjectWriter.write(new InitRequest(topLevelFiles().get(0), folders, groupId, artifactId,
                    packageName, pluginVersion, basedir.toPath(), warningsAsErrors));
        } catch (InitException e) {
            e.diagnostics().forEach(this::report);
            throw new MojoFailureException(e.getMessage());
        } catch (RuntimeException e) {
            throw new MojoExecutionException("internal error while writing the project: " + e, e);
        }
        result.compilation().warnings().forEach(this::report);
        getLog().info(Summary.of(result.compilation()));
        getLog().info("Wrote " + result.files().size() + " files to " + result.projectDirectory() + ", with "
                + result.providers().size() + " starter provider" + (result.providers().size() == 1 ? "" : "s") + ": "
                + String.join(", ", result.providers()));
        getLog().info("Next: cd " + artifactId + " && mvn -B -q verify && java " + ProjectWriter.JVM_OPTIONS
                + " -jar target/" + artifactId + ".jar --help");
    }
}
