package org.cimforge.mof;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import org.cimforge.mof.model.CimSchema;
import org.cimforge.mof.parser.MofFileParser;
import org.cimforge.mof.resolve.Resolver;
import org.cimforge.mof.resolve.SourceLoader;

/**
 * The MOF compiler: reads MOF files and their includes, parses them in parallel and resolves them
 * into a {@link CimSchema}, collecting every diagnostic. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * CompilationResult result = MofCompiler.builder().includePath(List.of(schemaDir)).build()
 *         .compile(List.of(Path.of("vendor.mof")));
 * }</pre>
 */
public final class MofCompiler {
    private final List<Path> includePath;
    private final boolean warningsAsErrors;
    private final int parallelism;
    private final RedefinitionPolicy redefinition;
    private final DiagnosticLimits limits;
    // Present when the builder asked to reuse parsed files across compile calls.
    private final Map<Path, CompletableFuture<SourceLoader.Loaded>> parseCache;

    private MofCompiler(Builder builder) {
        this.includePath = List.copyOf(builder.includePath);
        this.warningsAsErrors = builder.warningsAsErrors;
        this.parallelism = builder.parallelism;
        this.redefinition = builder.redefinition;
        this.limits = new DiagnosticLimits(builder.maxErrors, builder.maxWarningsPerFile);
        this.parseCache = builder.reuseParsedFiles ? new ConcurrentHashMap<>() : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Compiles the given files, in order, as one compilation. */
    public CompilationResult compile(List<Path> files) {
        return run((loader, sink) -> loader.load(files, sink));
    }

    /** Compiles in-memory MOF texts, in order (their includes are looked up on the include path). */
    public CompilationResult compileTexts(List<SourceText> texts) {
        return run((loader, sink) -> loader.loadTexts(texts, sink));
    }

    /** Compiles one in-memory MOF text; handy in tests and tools. */
    public CompilationResult compileText(String path, String mof) {
        return compileTexts(List.of(new SourceText(path, mof)));
    }

    private CompilationResult run(BiFunction<SourceLoader, DiagnosticSink, SourceLoader.Sources> load) {
        DiagnosticSink sink = new DiagnosticSink(limits);
        ExecutorService executor = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "mof-parse");
            thread.setDaemon(true);
            return thread;
        });
        // The first file's lexing needs only the lexer: the parser's grammar loads meanwhile on the other thread.
        executor.execute(MofFileParser::loadGrammar);
        try {
            SourceLoader.Sources sources = load.apply(new SourceLoader(includePath, executor, parseCache, limits), sink);
            CimSchema schema = new Resolver(sink, sources.searchPath(), redefinition,
                    new java.util.HashSet<>(sources.foundOnSearchPath())).resolve(sources.productions());
            return new CompilationResult(schema, severities(sink.diagnostics()), List.copyOf(sources.texts().values()),
                    sources.foundOnSearchPath(), sink.notShown());
        } finally {
            // Not shutdownNow: a task still queued may be a cached parse another compilation will wait for.
            executor.shutdown();
        }
    }

    private List<Diagnostic> severities(List<Diagnostic> diagnostics) {
        if (!warningsAsErrors) {
            return diagnostics;
        }
        List<Diagnostic> strict = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            strict.add(d.isError() ? d
                    : d.withSeverity(Severity.ERROR));
        }
        return strict;
    }

    /** Options for a {@link MofCompiler}. */
    public static final class Builder {
        private List<Path> includePath = List.of();
        private boolean warningsAsErrors;
        private int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
        private boolean reuseParsedFiles;
        private RedefinitionPolicy redefinition = RedefinitionPolicy.KEEP_FIRST;
        private int maxErrors = DiagnosticLimits.DEFAULT.maxErrors();
        private int maxWarningsPerFile = DiagnosticLimits.DEFAULT.maxWarningsPerFile();

        private Builder() {
        }

        /**
         * What a second declaration of a class does: by default the first one stands and the second is
         * reported as a {@code duplicate-class} warning (see docs/mof-compiler.md).
         */
        public Builder redefinition(RedefinitionPolicy policy) {
            this.redefinition = java.util.Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Errors shown before one {@code too-many-errors} line sums up the rest; 0 for no limit (default 100). */
        public Builder maxErrors(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("maxErrors must be 0 (no limit) or positive, was " + limit);
            }
            this.maxErrors = limit;
            return this;
        }

        /** Warnings shown per file before one {@code too-many-warnings} line; 0 for no limit (default 100). */
        public Builder maxWarningsPerFile(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("maxWarningsPerFile must be 0 (no limit) or positive, was " + limit);
            }
            this.maxWarningsPerFile = limit;
            return this;
        }

        /**
         * Folders searched, in order, for {@code #pragma include} files not found next to the including
         * file, and the class search path: a class no compiled file declares is read from a file named
         * after it under these folders, missing qualifiers from {@code qualifiers.mof} and
         * {@code qualifiers_optional.mof} there (see docs/mof-compiler.md).
         */
        public Builder includePath(List<Path> folders) {
            this.includePath = List.copyOf(folders);
            return this;
        }

        /** Treat warnings (unknown pragmas, implicit overrides, ...) as errors. */
        public Builder warningsAsErrors(boolean enabled) {
            this.warningsAsErrors = enabled;
            return this;
        }

        /** Number of threads that parse files; defaults to the number of processors. */
        public Builder parallelism(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, was " + threads);
            }
            this.parallelism = threads;
            return this;
        }

        /**
         * Keep parsed files between {@code compile} calls, so that compiling many small files against
         * one large schema parses the schema once. A file changed on disk is parsed again.
         */
        public Builder reuseParsedFiles(boolean enabled) {
            this.reuseParsedFiles = enabled;
            return this;
        }

        public MofCompiler build() {
            return new MofCompiler(this);
        }
    }
}
