package org.cimforge.sample;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version the executable jar's manifest records. */
public final class CliVersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {SampleMain.PROGRAM + " " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }

    /** The project version, or a note saying it is unknown (classes not run from the packaged jar). */
    public static String version() {
        String version = SampleMain.class.getPackage().getImplementationVersion();
        return version != null ? version : "(development build)";
    }
}
