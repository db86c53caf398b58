package org.cimforge.mof.resolve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.cimforge.mof.Diagnostic;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.DiagnosticSink;
import org.cimforge.mof.SourceLocation;
import org.cimforge.mof.SourceText;
import org.cimforge.mof.ast.MofFile;
import org.cimforge.mof.ast.Production;
import org.cimforge.mof.parser.MofFileParser;
import org.cimforge.mof.parser.MofSourceDecoder;

/**
 * Reads the top-level files and everything they {@code #pragma include}, parsing files in parallel
 * as soon as they are discovered, and returns all productions in include order: each file once,
 * include cycles and missing files reported at the pragma that asked for them.
 */
public final class SourceLoader {
    private final IncludeResolver includes;
    private final Executor executor;
    private final Map<Path, CompletableFuture<Loaded>> started;

    /** One file after reading and parsing; {@code file} is null when it could not be read. */
    public record Loaded(Path path, MofFile file, List<Diagnostic> diagnostics,
                         Map<Production.Pragma, Path> includeTargets, FileTime modified) {
    }

    /** Everything the resolver needs: productions in order plus the texts for diagnostic excerpts. */
    public record Sources(List<Production> productions, Map<String, SourceText> texts) {
    }

    /**
     * @param cache parsed files shared between compilations with the same include path (a file is
     *              parsed again when its modification time changes), or null for no sharing
     */
    public SourceLoader(List<Path> includePath, Executor executor, Map<Path, CompletableFuture<Loaded>> cache) {
        this.includes = new IncludeResolver(includePath);
        this.executor = executor;
        this.started = cache != null ? cache : new ConcurrentHashMap<>();
    }

    /** Loads files from disk (top-level files are named relative to the working directory). */
    public Sources load(List<Path> topLevel, DiagnosticSink sink) {
        for (Path path : topLevel) {
            start(path);
        }
        return assemble(topLevel, sink);
    }

    /** Loads in-memory sources given as top-level texts; their includes are read from the include path. */
    public Sources loadTexts(List<SourceText> texts, DiagnosticSink sink) {
        List<Path> keys = new ArrayList<>();
        for (SourceText text : texts) {
            Path key = Path.of(text.path());
            keys.add(key);
            started.put(key.toAbsolutePath().normalize(),
                    CompletableFuture.supplyAsync(() -> parse(key, text, null), executor));
        }
        return assemble(keys, sink);
    }

    private Sources assemble(List<Path> topLevel, DiagnosticSink sink) {
        List<Production> productions = new ArrayList<>();
        Map<String, SourceText> texts = new LinkedHashMap<>();
        Set<Path> done = new HashSet<>();
        Deque<Path> stack = new ArrayDeque<>();
        for (Path path : topLevel) {
            walk(path, null, productions, texts, done, stack, sink);
        }
        return new Sources(productions, texts);
    }

    private void walk(Path path, Production.Pragma includedBy, List<Production> out, Map<String, SourceText> texts,
                      Set<Path> done, Deque<Path> stack, DiagnosticSink sink) {
        Path key = path.toAbsolutePath().normalize();
        if (stack.contains(key)) {
            sink.report(DiagnosticCode.INCLUDE_CYCLE, includedBy.location(),
                    "include cycle: '" + path + "' is already being included (" + cycleText(stack, key) + ")");
            return;
        }
        if (!done.add(key)) {
            return;
        }
        Loaded loaded = start(path).join();
        if (loaded.file == null) {
            loaded.diagnostics.forEach(sink::addDiagnostic);
            return;
        }
        texts.put(loaded.file.source().path(), loaded.file.source());
        sink.register(loaded.file.source());
        loaded.diagnostics.forEach(sink::addDiagnostic);
        stack.push(key);
        for (Production production : loaded.file.productions()) {
            if (production instanceof Production.Pragma pragma && isInclude(pragma)) {
                Path target = loaded.includeTargets.get(pragma);
                if (target == null) {
                    String name = pragma.arguments().isEmpty() ? "" : pragma.arguments().get(0);
                    sink.report(DiagnosticCode.INCLUDE_NOT_FOUND, pragma.location(),
                            "cannot find included file '" + name + "' (looked next to " + path
                                    + includes.describeSearchPath() + ")");
                } else {
                    walk(target, pragma, out, texts, done, stack, sink);
                }
            } else {
                out.add(production);
            }
        }
        stack.pop();
    }

    private static String cycleText(Deque<Path> stack, Path repeated) {
        List<String> names = new ArrayList<>();
        var it = stack.descendingIterator();
        boolean inCycle = false;
        while (it.hasNext()) {
            Path p = it.next();
            inCycle |= p.equals(repeated);
            if (inCycle) {
                names.add(p.getFileName().toString());
            }
        }
        names.add(repeated.getFileName().toString());
        return String.join(" -> ", names);
    }

    static boolean isInclude(Production.Pragma pragma) {
        return pragma.name().equalsIgnoreCase("include");
    }

    private CompletableFuture<Loaded> start(Path path) {
        Path key = path.toAbsolutePath().normalize();
        CompletableFuture<Loaded> future = started.computeIfAbsent(key,
                k -> CompletableFuture.supplyAsync(() -> read(path), executor));
        if (future.isDone() && isStale(future.join(), path)) {
            CompletableFuture<Loaded> fresh = CompletableFuture.supplyAsync(() -> read(path), executor);
            started.put(key, fresh);
            return fresh;
        }
        return future;
    }

    private static boolean isStale(Loaded loaded, Path path) {
        if (loaded.modified == null) {
            return loaded.file == null;
        }
        try {
            return !Files.getLastModifiedTime(path).equals(loaded.modified);
        } catch (IOException gone) {
            return true;
        }
    }

    private Loaded read(Path path) {
        // A file inside a jar on the include path is shown as jar:file:...!/name so it can be found.
        String display = path.getFileSystem() == java.nio.file.FileSystems.getDefault() ? path.toString()
                : path.toUri().toString();
        byte[] bytes;
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(path);
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException | java.nio.file.AccessDeniedException missing) {
            return failed(path, DiagnosticCode.FILE_NOT_FOUND, "cannot read file: " + display + " does not exist or is not readable");
        } catch (IOException e) {
            return failed(path, DiagnosticCode.FILE_UNREADABLE, "cannot read file: " + e.getMessage());
        }
        MofSourceDecoder.Decoded decoded = MofSourceDecoder.decode(bytes);
        Loaded loaded = parse(path, new SourceText(display, decoded.text()), modified);
        if (!decoded.latin1Fallback()) {
            return loaded;
        }
        List<Diagnostic> withWarning = new ArrayList<>();
        withWarning.add(new Diagnostic(DiagnosticCode.ENCODING.defaultSeverity(), DiagnosticCode.ENCODING,
                SourceLocation.ofFile(display), "file is not valid UTF-8; read as ISO-8859-1", null));
        withWarning.addAll(loaded.diagnostics);
        return new Loaded(path, loaded.file, List.copyOf(withWarning), loaded.includeTargets, modified);
    }

    private Loaded failed(Path path, DiagnosticCode code, String message) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        diagnostics.add(new Diagnostic(code.defaultSeverity(), code, SourceLocation.ofFile(path.toString()), message, null));
        return new Loaded(path, null, diagnostics, Map.of(), null);
    }

    private Loaded parse(Path path, SourceText text, FileTime modified) {
        MofFileParser.Result result = MofFileParser.parse(text);
        List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
        Map<Production.Pragma, Path> targets = new java.util.IdentityHashMap<>();
        for (Production production : result.file().productions()) {
            if (production instanceof Production.Pragma pragma && isInclude(pragma) && !pragma.arguments().isEmpty()) {
                Path target = includes.resolve(path, pragma.arguments().get(0));
                if (target != null) {
                    targets.put(pragma, target);
                    // Start reading the included file now so that parsing overlaps with the walk.
                    start(target);
                }
            }
        }
        return new Loaded(path, result.file(), List.copyOf(diagnostics), targets, modified);
    }
}
