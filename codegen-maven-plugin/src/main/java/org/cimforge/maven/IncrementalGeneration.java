package org.cimforge.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.cimforge.codegen.CimForgeGenerator;
import org.cimforge.codegen.SourceWriter;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.Diagnostic;
import org.cimforge.mof.MofCompiler;

/**
 * One {@code generate} run without Maven types: skip when the fingerprint of inputs and settings is
 * unchanged, otherwise compile, generate, write, remove what the previous run wrote and this one did
 * not, and record the new state.
 */
final class IncrementalGeneration {

    /** How a run ended: up to date (nothing touched), or generated with the number of files. */
    record Outcome(boolean upToDate, int sourceFiles, int removedFiles, CompilationResult compilation) {
    }

    /** Thrown when the MOF has errors; the diagnostics have been reported already. */
    static final class MofErrors extends Exception {
        private static final long serialVersionUID = 1L;
        private final int count;

        MofErrors(int count) {
            super(count + (count == 1 ? " MOF error" : " MOF errors"));
            this.count = count;
        }

        int count() {
            return count;
        }
    }

    private IncrementalGeneration() {
    }

    static Outcome run(GenerationRequest request, Consumer<Diagnostic> report) throws IOException, MofErrors {
        BuildState previous = BuildState.read(request.stateFile());
        String settings = request.settingsText();
        String generator = GeneratorStamp.current();
        if (previous != null && generator.equals(previous.generator()) && outputsPresent(previous)) {
            Set<Path> inputs = new LinkedHashSet<>(request.mofFiles());
            previous.inputs().forEach(i -> inputs.add(Path.of(i)));
            // The top-level files are among the recorded inputs, so the set is the one hashed last time.
            if (previous.fingerprint().equals(BuildState.fingerprint(settings, sorted(inputs)))) {
                // The outputs hold the MOF bundle too; count Java files only, as a generating run does.
                return new Outcome(true, previous.outputs().size() - 1, 0, null);
            }
        }
        CompilationResult result = MofCompiler.builder().includePath(request.includePath())
                .warningsAsErrors(request.warningsAsErrors()).redefinition(request.redefinition()).build()
                .compile(request.mofFiles());
        result.diagnostics().forEach(report);
        if (result.hasErrors()) {
            throw new MofErrors(result.errors().size());
        }
        List<Path> written = new ArrayList<>(SourceWriter.write(
                CimForgeGenerator.generate(result.schema(), request.options().forCompilation(result)), request.sourceOutput()));
        written.add(MofBundle.write(result.sources(), request.resourceOutput(), request.bundleName()));
        int removed = removeStale(previous, written);
        // Files read from the local file system are hashed one by one; an include jar as a whole.
        Set<Path> inputs = new LinkedHashSet<>(absolute(request.mofFiles()));
        inputs.addAll(absolute(request.includeArchives()));
        for (String read : result.files()) {
            Path local = Path.of(read);
            if (Files.isRegularFile(local)) {
                inputs.add(local.toAbsolutePath().normalize());
            }
        }
        List<Path> inputList = sorted(inputs);
        new BuildState(BuildState.fingerprint(settings, inputList), generator,
                inputList.stream().map(Path::toString).toList(),
                absolute(written).stream().map(Path::toString).toList()).write(request.stateFile());
        return new Outcome(false, written.size() - 1, removed, result);
    }

    /** Deletes the files the previous run wrote that this run did not, so removed classes disappear. */
    private static int removeStale(BuildState previous, List<Path> written) throws IOException {
        if (previous == null) {
            return 0;
        }
        Set<String> now = new HashSet<>();
        absolute(written).forEach(p -> now.add(p.toString()));
        int removed = 0;
        for (String old : previous.outputs()) {
            if (!now.contains(old) && Files.deleteIfExists(Path.of(old))) {
                removed++;
            }
        }
        return removed;
    }

    private static boolean outputsPresent(BuildState state) {
        return state.outputs().stream().allMatch(o -> Files.isRegularFile(Path.of(o)));
    }

    private static List<Path> absolute(List<Path> paths) {
        return paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    private static List<Path> sorted(Set<Path> paths) {
        return paths.stream().map(p -> p.toAbsolutePath().normalize()).distinct().sorted().toList();
    }
}
