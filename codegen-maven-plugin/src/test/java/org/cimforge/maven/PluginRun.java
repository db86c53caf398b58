package org.cimforge.maven;

import java.nio.file.Path;
import java.util.List;
import org.cimforge.codegen.CodegenOptions;

/** Test and benchmark access to the plugin's generation path, without a Maven session. */
public final class PluginRun {
    private PluginRun() {
    }

    /** Runs incremental generation for the MOF files of a folder; returns true when it was up to date. */
    public static boolean generate(Path mofFolder, Path out, CodegenOptions options) throws Exception {
        List<Path> files = MofSources.select(mofFolder, List.of("top.mof"), List.of());
        return generateFiles(files, out, options);
    }

    /** Runs incremental generation for the given top-level files. */
    public static boolean generateFiles(List<Path> files, Path out, CodegenOptions options) throws Exception {
        GenerationRequest request = new GenerationRequest(files, List.of(), List.of(), false, options, out.resolve("java"),
                out.resolve("resources"), out.resolve("generate.state"));
        return IncrementalGeneration.run(request, d -> { }).upToDate();
    }
}
