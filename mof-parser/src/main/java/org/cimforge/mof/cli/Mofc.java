package org.cimforge.mof.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.Diagnostic;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.RedefinitionPolicy;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimSchema;

/**
 * {@code mofc}: compiles MOF files and prints every diagnostic and a summary of the resolved schema.
 * Exit status 0 when there are no errors, 1 when the MOF has errors, 2 for a usage mistake.
 */
public final class Mofc {
    private static final String USAGE = """
            usage: mofc [options] file.mof...
              -I, --include DIR   add DIR to the include path (repeatable); a class or qualifier no
                                  file declares is also looked up there (CIM_X in CIM_X.mof), and
                                  so is a file.mof argument that does not exist as given
              --werror            treat warnings as errors
              --redefinition=keep-first|replace|error
                                  a class declared again: the first declaration stands (default),
                                  the later one replaces it, or it is an error
              --max-errors N      show at most N errors, then one "too many errors" line
                                  (default 100; 0 for no limit)
              --max-warnings N    show at most N warnings per file (default 100; 0 for no limit)
              -q, --quiet         print diagnostics only, no summary
              --classes           list the resolved classes after the summary
              -h, --help          show this help
            """;

    private Mofc() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command and returns its exit status (kept separate from main so tests can call it). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> includePath = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        boolean werror = false;
        boolean quiet = false;
        boolean listClasses = false;
        MofCompiler.Builder compiler = MofCompiler.builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-I", "--include" -> {
                    if (i + 1 >= args.length) {
                        err.println("mofc: " + arg + " needs a folder\n" + USAGE);
                        return 2;
                    }
                    includePath.add(Path.of(args[++i]));
                }
                case "--werror" -> werror = true;
                case "--max-errors", "--max-warnings" -> {
                    Integer limit = i + 1 < args.length ? limit(args[i + 1]) : null;
                    if (limit == null) {
                        err.println("mofc: " + arg + " needs a number (0 for no limit)\n" + USAGE);
                        return 2;
                    }
                    i++;
                    if (arg.equals("--max-errors")) {
                        compiler.maxErrors(limit);
                    } else {
                        compiler.maxWarningsPerFile(limit);
                    }
                }
                case "-q", "--quiet" -> quiet = true;
                case "--classes" -> listClasses = true;
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                default -> {
                    if (arg.startsWith("--redefinition=")) {
                        try {
                            compiler.redefinition(RedefinitionPolicy.parse(arg.substring("--redefinition=".length())));
                        } catch (IllegalArgumentException e) {
                            err.println("mofc: " + e.getMessage() + "\n" + USAGE);
                            return 2;
                        }
                    } else if (arg.startsWith("-I") && arg.length() > 2) {
                        includePath.add(Path.of(arg.substring(2)));
                    } else if (arg.startsWith("-")) {
                        err.println("mofc: unknown option " + arg + "\n" + USAGE);
                        return 2;
                    } else {
                        files.add(Path.of(arg));
                    }
                }
            }
        }
        if (files.isEmpty()) {
            err.print("mofc: no MOF file given\n" + USAGE);
            return 2;
        }
        long start = System.nanoTime();
        CompilationResult result = compiler.includePath(includePath).warningsAsErrors(werror).build().compile(files);
        long millis = (System.nanoTime() - start) / 1_000_000;
        for (Diagnostic d : result.diagnostics()) {
            err.println(d.render());
        }
        if (!quiet) {
            out.println(summary(result, millis));
            if (listClasses) {
                result.schema().classes().forEach(c -> out.println("  " + describe(c)
                        + (result.foundOnSearchPath(c) ? " [include path]" : "")));
            }
        }
        return result.hasErrors() ? 1 : 0;
    }

    private static Integer limit(String text) {
        try {
            int value = Integer.parseInt(text);
            return value < 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String summary(CompilationResult result, long millis) {
        CimSchema schema = result.schema();
        List<CimClass> classes = schema.classes();
        long associations = classes.stream().filter(CimClass::isAssociation).count();
        long indications = classes.stream().filter(CimClass::isIndication).count();
        long methods = classes.stream().mapToLong(c -> c.declaredMethods().size()).sum();
        String found = result.foundOnSearchPath().isEmpty() ? ""
                : " (" + result.foundOnSearchPath().size() + " found on the include path by name)";
        // The "too many" lines are not findings: count what was shown, then what the limits kept back.
        long errors = result.errors().stream().filter(d -> d.code() != DiagnosticCode.TOO_MANY_ERRORS).count();
        long warnings = result.warnings().stream().filter(d -> d.code() != DiagnosticCode.TOO_MANY_WARNINGS).count();
        String notShown = result.diagnosticsNotShown() == 0 ? ""
                : " shown, " + result.diagnosticsNotShown() + " more not shown";
        return String.format("%d files%s, %d qualifier declarations, %d classes (%d associations, %d indications, "
                        + "%d methods declared), %d instances; %d errors, %d warnings%s; %d ms",
                result.fileCount(), found, schema.qualifierTypes().size(), classes.size(), associations, indications,
                methods, schema.instances().size(), errors, warnings, notShown, millis);
    }

    private static String describe(CimClass c) {
        return c.name() + c.superClass().map(s -> " : " + s.name()).orElse("")
                + " (" + c.properties().size() + " properties, " + c.methods().size() + " methods)";
    }
}
