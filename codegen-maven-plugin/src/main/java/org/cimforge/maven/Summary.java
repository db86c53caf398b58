package org.cimforge.maven;

import org.cimforge.mof.CompilationResult;

/** The one-line texts the goals log and fail with. */
final class Summary {
    private Summary() {
    }

    static String of(CompilationResult result) {
        String found = result.foundOnSearchPath().isEmpty() ? ""
                : " (" + result.foundOnSearchPath().size() + " found on the include path by name)";
        return "MOF OK: " + result.fileCount() + " files" + found + ", " + result.schema().classCount() + " classes, "
                + result.warnings().size() + " warnings";
    }

    static String errors(int count) {
        return "The MOF has " + count + (count == 1 ? " error" : " errors") + " (see the lines above)";
    }
}
