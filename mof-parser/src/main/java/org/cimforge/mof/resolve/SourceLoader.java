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
import org.cimforge.mof.DiagnosticLimits;
import org.cimforge.mof.DroppedDiagnostics;
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
    private final DiagnosticLimits limits;
    private final List<Path> includePath;
    private final ClassSearchPath searchPath;
    private final Executor executor;
    private final Map<Path, CompletableFuture<Loaded>> started;

    /** One file after reading and parsing; {@code file} is null when it could not be read. */
    public record Loaded(Path path, MofFile file, List<Diagnostic> diagnostics,
                         Map<Production.Pragma, Path> includeTargets, FileTime modified,
                         List<DroppedDiagnostics> dropped) {
        public Loaded(Path path, MofFile file, List<Diagnostic> diagnostics,
                      Map<Production.Pragma, Path> includeTargets, FileTime modified) {
            this(path, file, diagnostics, includeTargets, modified, List.of());
        }
    }

    /**
     * Everything the resolver needs: productions in order plus the texts for diagnostic excerpts, the
     * paths (as shown) of the files found by name on the class search path, and that search path.
     */
    public record Sources(List<Production> productions, Map<String, SourceText> texts,
                          List<String> foundOnSearchPath, ClassSearchPath searchPath) {
    }

    /**
     * @param cache parsed files shared between compilations with the same include path (a file is
     *              parsed again when its modification time changes), or null for no sharing
     */
    public SourceLoader(List<Path> includePath, Executor executor, Map<Path, CompletableFuture<Loaded>> cache) {
        this(includePath, executor, cache, DiagnosticLimits.DEFAULT);
    }

    /** A loader whose parsers keep at most {@code limits} diagnostics per file. */
    public SourceLoader(List<Path> includePath, Executor executor, Map<Path, CompletableFuture<Loaded>> cache,
                        DiagnosticLimits limits) {
        this.limits = limits;
        this.includePath = List.copyOf(includePath);
        this.includes = new IncludeResolver(includePath);
        this.searchPath = new ClassSearchPath(includePath);
        this.executor = executor;
        this.started = cache != null ? cache : new ConcurrentHashMap<>();
    }

    /** Loads files from disk (top-level files are named relative to the working directory). */
    public Sources load(List<Path> topLevel, DiagnosticSink sink) {
        List<Path> found = new ArrayList<>(topLevel.size());
        for (Path path : topLevel) {
            Path located = onIncludePath(path);
            found.add(located);
            start(located);
        }
        return assemble(found, sink);
    }

    /**
     * A top-level file that does not exist as given and is a relative name is looked up on the include
     * path like an include ({@code mofc -I schema CIM_Foo.mof}); otherwise it is kept as given, so a
     * missing file is reported under the name the user typed.
     */
    private Path onIncludePath(Path path) {
        if (path.isAbsolute() || Files.exists(path)) {
            return path;
        }
        for (Path folder : includePath) {
            Path candidate = folder.resolve(path.toString());
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return path;
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
        if (searchPath.isEmpty()) {
            return new Sources(productions, texts, List.of(), searchPath);
        }
        // Files found on the search path go first, qualifier files before class files: a qualifier
        // declaration applies from where it is written, and the bundled MOF then compiles on its own.
        List<Production> qualifierProductions = new ArrayList<>();
        Map<String, SourceText> qualifierTexts = new LinkedHashMap<>();
        List<Production> classProductions = new ArrayList<>();
        Map<String, SourceText> classTexts = new LinkedHashMap<>();
        MissingNames missing = new MissingNames();
        missing.scan(productions);
        Set<String> triedClasses = new HashSet<>();
        int qualifierFile = 0;
        while (true) {
            List<Path> qualifierFiles = new ArrayList<>();
            while (missing.hasMissingQualifiers() && qualifierFile < ClassSearchPath.QUALIFIER_FILES.size()
                    && qualifierFiles.isEmpty()) {
                Path found = searchPath.find(ClassSearchPath.QUALIFIER_FILES.get(qualifierFile++));
                if (found != null && !done.contains(found.toAbsolutePath().normalize())) {
                    qualifierFiles.add(found);
                }
            }
            Map<String, Path> classFiles = new LinkedHashMap<>();
            for (String name : missing.missingClasses()) {
                if (triedClasses.add(name.toLowerCase(java.util.Locale.ROOT))) {
                    Path found = searchPath.find(name);
                    if (found != null) {
                        classFiles.put(name, found);
                    }
                }
            }
            if (qualifierFiles.isEmpty() && classFiles.isEmpty()) {
                break;
            }
            // Start them all before walking any, so they are parsed in parallel.
            qualifierFiles.forEach(this::start);
            classFiles.values().forEach(this::start);
            for (Path file : qualifierFiles) {
                int from = qualifierProductions.size();
                walk(file, null, qualifierProductions, qualifierTexts, done, stack, sink);
                missing.scan(qualifierProductions.subList(from, qualifierProductions.size()));
            }
            for (Map.Entry<String, Path> entry : classFiles.entrySet()) {
                int from = classProductions.size();
                walk(entry.getValue(), null, classProductions, classTexts, done, stack, sink);
                missing.scan(classProductions.subList(from, classProductions.size()));
                if (missing.isMissingClass(entry.getKey())) {
                    searchPath.foundButNotDeclared(entry.getKey(), entry.getValue());
                }
            }
        }
        List<String> found = new ArrayList<>(qualifierTexts.keySet());
        found.addAll(classTexts.keySet());
        List<Production> all = new ArrayList<>(qualifierProductions);
        all.addAll(classProductions);
        all.addAll(productions);
        Map<String, SourceText> allTexts = new LinkedHashMap<>(qualifierTexts);
        allTexts.putAll(classTexts);
        allTexts.putAll(texts);
        return new Sources(all, allTexts, found, searchPath);
    }

    /** A file being walked: where its productions resume after the include being walked now. */
    private static final class Frame {
        final Path key;
        final Path path;
        final List<Production> productions;
        final Map<Production.Pragma, Path> includeTargets;
        int next;

        Frame(Path key, Path path, Loaded loaded) {
            this.key = key;
            this.path = path;
            this.productions = loaded.file.productions();
            this.includeTargets = loaded.includeTargets;
        }
    }

    /**
     * Appends a file's productions with its includes expanded in place. A loop with an explicit stack,
     * not recursion, so includes nested thousands of files deep cannot overflow the thread's stack.
     */
    private void walk(Path path, Production.Pragma includedBy, List<Production> out, Map<String, SourceText> texts,
                      Set<Path> done, Deque<Path> stack, DiagnosticSink sink) {
        Deque<Frame> frames = new ArrayDeque<>();
        Set<Path> open = new HashSet<>(stack);
        Frame first = enter(path, includedBy, texts, done, stack, open, sink);
        if (first == null) {
            return;
        }
        frames.push(first);
        while (!frames.isEmpty()) {
            Frame frame = frames.peek();
            if (frame.next >= frame.productions.size()) {
                frames.pop();
                stack.pop();
                open.remove(frame.key);
                continue;
            }
            Production production = frame.productions.get(frame.next++);
            if (!(production instanceof Production.Pragma pragma && isInclude(pragma))) {
                out.add(production);
                continue;
            }
            Path target = frame.includeTargets.get(pragma);
            if (target == null) {
                String name = pragma.arguments().isEmpty() ? "" : pragma.arguments().get(0);
                sink.report(DiagnosticCode.INCLUDE_NOT_FOUND, pragma.location(),
                        "cannot find included file '" + name + "' (looked next to " + frame.path
                                + includes.describeSearchPath() + ")");
                continue;
            }
            Frame included = enter(target, pragma, texts, done, stack, open, sink);
            if (included != null) {
                frames.push(included);
            }
        }
    }

    /** Reads a file for the walk, or returns null when it is already done, missing or closes a cycle. */
    private Frame enter(Path path, Production.Pragma includedBy, Map<String, SourceText> texts, Set<Path> done,
                        Deque<Path> stack, Set<Path> open, DiagnosticSink sink) {
        Path key = path.toAbsolutePath().normalize();
        if (open.contains(key)) {
            sink.report(DiagnosticCode.INCLUDE_CYCLE, includedBy.location(),
                    "include cycle: '" + path + "' is already being included (" + cycleText(stack, key) + ")");
            return null;
        }
        if (!done.add(key)) {
            return null;
        }
        Loaded loaded = start(path).join();
        if (loaded.file == null) {
            loaded.diagnostics.forEach(sink::addDiagnostic);
            return null;
        }
        texts.put(loaded.file.source().path(), loaded.file.source());
        sink.register(loaded.file.source());
        loaded.diagnostics.forEach(sink::addDiagnostic);
        for (DroppedDiagnostics d : loaded.dropped) {
            if (d.parsingStopped()) {
                sink.parsingStopped(d.first());
            } else {
                sink.addSuppressed(d.severity(), d.first(), d.count());
            }
        }
        stack.push(key);
        open.add(key);
        return new Frame(key, path, loaded);
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
        return new Loaded(path, loaded.file, List.copyOf(withWarning), loaded.includeTargets, modified, loaded.dropped);
    }

    private Loaded failed(Path path, DiagnosticCode code, String message) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        diagnostics.add(new Diagnostic(code.defaultSeverity(), code, SourceLocation.ofFile(path.toString()), message, null));
        return new Loaded(path, null, diagnostics, Map.of(), null);
    }

    private Loaded parse(Path path, SourceText text, FileTime modified) {
        MofFileParser.Result result = MofFileParser.parse(text, limits);
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
        return new Loaded(path, result.file(), List.copyOf(diagnostics), targets, modified, result.dropped());
    }
}
