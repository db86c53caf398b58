package org.cimforge.maven;

import java.io.File;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The class reference as a Maven site report: listed under "Project Reports" of {@code mvn site}, written as its own
 * pages into {@code cimforge-doc/} of the site (an external report: the pages are the {@code doc} goal's, not
 * rendered through the site's skin).
 */
@Mojo(name = "doc-report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class DocReport extends AbstractDocMojo implements MavenReport {
    /** The report's folder inside the site. */
    static final String FOLDER = "cimforge-doc";

    /** The site's folder when the report runs as a goal of its own; the site plugin sets its own. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    protected File reportingDirectory;

    private File reportOutputDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cimforge:doc-report skipped");
            return;
        }
        writeReference(new File(getReportOutputDirectory(), FOLDER));
    }

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        try {
            execute();
        } catch (MojoExecutionException | MojoFailureException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
    }

    @Override
    public String getOutputName() {
        return FOLDER + "/index";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "CIM class reference";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The project's CIM classes from its MOF: properties, ValueMaps, methods and return codes.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        this.reportOutputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory != null ? reportOutputDirectory : reportingDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return true;
    }

    /** Only a project with MOF to document gets the report (and its menu entry). */
    @Override
    public boolean canGenerateReport() throws MavenReportException {
        if (skip) {
            return false;
        }
        try {
            List<?> files = topLevelFiles();
            return !files.isEmpty();
        } catch (MojoExecutionException | MojoFailureException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
    }
}
