package org.cimforge.codegen.init;

import java.nio.file.Path;
import java.util.List;
import org.cimforge.mof.CompilationResult;

/**
 * What {@code init} wrote.
 *
 * @param projectDirectory the new project's folder
 * @param files            the files written, relative to it, sorted
 * @param compilation      the compilation of the vendor MOF (for its summary and warnings)
 * @param providers        the qualified names of the starter providers
 */
public record InitResult(Path projectDirectory, List<Path> files, CompilationResult compilation,
                         List<String> providers) {
}
