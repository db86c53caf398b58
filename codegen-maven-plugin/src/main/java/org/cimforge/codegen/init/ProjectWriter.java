package org.cimforge.codegen.init;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cimforge.codegen.CodegenOptions;
import org.cimforge.codegen.StarterProviderGenerator;
import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.cimforge.mof.SourceText;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimInstance;

/**
 * Writes the Maven project of {@code init}: compiles the vendor MOF against the schema folders, then writes, into a
 * new folder {@code <artifactId>}, a pom that generates the bindings and packages a runnable jar, the MOF (and the
 * schema files it needed, so the project builds anywhere), a starter provider per concrete class of the vendor's
 * files, a {@code Main} and a test. It never overwrites: an existing folder, a bad name or a MOF error is an
 * {@link InitException} and nothing is written (the files go to a temporary folder that is renamed at the end).
 */
public final class ProjectWriter {
    /**
     * The JVM options the project's README starts the provider with: the runtime's recommended launch
     * ({@code ProviderLauncher.RECOMMENDED_JVM_OPTIONS}; the plugin does not depend on the runtime, a test keeps the
     * two equal).
     */
    public static final String JVM_OPTIONS = "-XX:+UseSerialGC -Xms16m -Xmx512m";

    /** Where the schema files the MOF needed go, inside the new project. */
    static final String SCHEMA_FOLDER = "src/main/cim-schema";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private ProjectWriter() {
    }

    /** Writes the project of {@code request}; see the class comment. */
    public static InitResult write(InitRequest request) throws InitException {
        checkNames(request);
        Path target = request.parentDirectory().resolve(request.artifactId());
        if (Files.exists(target)) {
            throw new InitException(target + " already exists; init writes a new project and never overwrites one:"
                    + " choose another cimforge.artifactId or move the folder away");
        }
        if (!Files.isRegularFile(request.mof())) {
            throw new InitException("cimforge.mof: " + request.mof() + " is not a file");
        }
        for (Path folder : request.includePath()) {
            if (!Files.isDirectory(folder)) {
                throw new InitException("cimforge.includePath: " + folder + " is not a folder (init copies the schema"
                        + " files the MOF needs into the project, so it takes folders, not jars)");
            }
        }
        CompilationResult result = MofCompiler.builder().includePath(request.includePath())
                .warningsAsErrors(request.warningsAsErrors()).build()
                .compile(List.of(request.mof()));
        if (result.hasErrors()) {
            throw new InitException("The MOF has " + result.errors().size() + " error"
                    + (result.errors().size() == 1 ? "" : "s") + "; nothing was written", result.diagnostics());
        }
        Map<Path, String> files = new TreeMap<>();
        Map<String, String> placed = placeSources(request, result, files);
        List<CimClass> vendorClasses = result.ownClasses().stream()
                .filter(c -> !placed.getOrDefault(c.location().path(), "").startsWith(SCHEMA_FOLDER)).toList();
        CodegenOptions bindings = CodegenOptions.defaults(request.basePackage()).forCompilation(result);
        Set<String> own = new HashSet<>();
        vendorClasses.forEach(c -> own.add(c.name().spelling()));
        StarterProviderGenerator.Starters starters = StarterProviderGenerator.generate(result.schema(), bindings,
                vendorClasses, own, request.serverPackage());
        for (JavaFile f : starters.files()) {
            files.put(javaPath("src/main/java", f.packageName(), f.typeSpec().name()), f.toString());
        }
        ProjectTemplates templates = new ProjectTemplates();
        Map<String, String> values = values(request, !placedUnder(placed, SCHEMA_FOLDER).isEmpty());
        values.put("registrations", registrations(starters.providers()));
        values.put("checks", checks(result, starters, vendorClasses));
        values.put("someClass", vendorClasses.stream().filter(c -> !c.isAbstract()).map(c -> c.name().spelling())
                .findFirst().orElse("CIM_Namespace"));
        String pkgPath = request.serverPackage().replace('.', '/');
        files.put(Path.of("pom.xml"), templates.fill("pom.xml.template", values));
        files.put(Path.of("README.md"), templates.fill("README.md.template", values));
        files.put(Path.of(".gitignore"), "target/\n");
        files.put(Path.of("src/main/java", pkgPath, "Main.java"), templates.fill("Main.java.template", values));
        files.put(Path.of("src/test/java", pkgPath, "ServerTest.java"), templates.fill("ServerTest.java.template",
                values));
        writeAll(request.parentDirectory(), target, files);
        return new InitResult(target, List.copyOf(files.keySet()), result,
                starters.providers().stream().map(ClassName::canonicalName).toList());
    }

    private static void checkNames(InitRequest request) throws InitException {
        if (!NAME.matcher(request.artifactId()).matches()) {
            throw new InitException("cimforge.artifactId: '" + request.artifactId() + "' is not usable as an"
                    + " artifactId and folder name (letters, digits, '_', '.' and '-', starting with a letter or digit)");
        }
        if (!NAME.matcher(request.groupId()).matches()) {
            throw new InitException("cimforge.groupId: '" + request.groupId() + "' is not a groupId (such as"
                    + " com.example)");
        }
        try {
            CodegenOptions.defaults(request.basePackage());
        } catch (IllegalArgumentException e) {
            throw new InitException("cimforge.package: " + e.getMessage());
        }
        if (request.basePackage().isEmpty()) {
            throw new InitException("cimforge.package: give a Java package (none could be made from the groupId and"
                    + " artifactId)");
        }
    }

    /**
     * Decides where each file read goes in the project: the vendor MOF and files it includes from its own folder under
     * src/main/mof, files from the schema folders under {@link #SCHEMA_FOLDER} with their relative paths (so the
     * project compiles with the same include path). Returns the compiler's path of each file to its project path.
     */
    private static Map<String, String> placeSources(InitRequest request, CompilationResult result,
                                                    Map<Path, String> files) throws InitException {
        Path mofFile = request.mof().toAbsolutePath().normalize();
        Path mofFolder = mofFile.getParent();
        List<Path> roots = request.includePath().stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Map<String, String> placed = new LinkedHashMap<>();
        Map<Path, String> origin = new HashMap<>();
        for (SourceText source : result.sources()) {
            Path file = Path.of(source.path()).toAbsolutePath().normalize();
            Path root = roots.stream().filter(file::startsWith).findFirst().orElse(null);
            Path relative;
            if (file.equals(mofFile)) {
                relative = Path.of("src/main/mof", file.getFileName().toString());
            } else if (root != null) {
                relative = Path.of(SCHEMA_FOLDER).resolve(root.relativize(file));
            } else if (file.startsWith(mofFolder)) {
                relative = Path.of("src/main/mof").resolve(mofFolder.relativize(file));
            } else {
                throw new InitException(source.path() + " is neither next to the MOF nor under the include path;"
                        + " init cannot place it in the project");
            }
            String before = origin.putIfAbsent(relative, source.path());
            if (before != null && !before.equals(source.path())) {
                throw new InitException(source.path() + " and " + before + " would both become " + relative
                        + " in the project");
            }
            placed.put(source.path(), relative.toString().replace('\\', '/'));
            files.put(relative, source.content());
        }
        return placed;
    }

    private static List<String> placedUnder(Map<String, String> placed, String folder) {
        return placed.values().stream().filter(p -> p.startsWith(folder)).toList();
    }

    private static Map<String, String> values(InitRequest request, boolean hasSchema) {
        Map<String, String> values = new HashMap<>();
        values.put("groupId", request.groupId());
        values.put("cimforgeVersion", request.cimforgeVersion());
        values.put("artifactId", request.artifactId());
        values.put("package", request.basePackage());
        values.put("serverPackage", request.serverPackage());
        values.put("serverPath", request.serverPackage().replace('.', '/'));
        values.put("mofName", request.mof().getFileName().toString());
        values.put("jvmOptions", JVM_OPTIONS);
        values.put("includePath", hasSchema ? "              <includePath>\n                <path>${project.basedir}/"
                + SCHEMA_FOLDER + "</path>\n              </includePath>\n" : "");
        values.put("schemaNote", hasSchema ? "- `" + SCHEMA_FOLDER + "/`: the schema files the MOF needed, copied from the"
                + " include path when init ran, so the project builds anywhere.\n" : "");
        return values;
    }

    private static String registrations(List<ClassName> providers) {
        StringBuilder out = new StringBuilder();
        for (ClassName p : providers) {
            out.append("        setup.typed(new ").append(p.simpleName()).append("(setup.store()));\n");
        }
        return out.toString();
    }

    /** One assertion per starter provider: its class answers with exactly the instances the MOF declares of it. */
    private static String checks(CompilationResult result, StarterProviderGenerator.Starters starters,
                                 List<CimClass> vendorClasses) {
        StringBuilder out = new StringBuilder();
        List<CimClass> served = vendorClasses.stream().filter(c -> !c.isAbstract() && !c.isIndication()).toList();
        for (CimClass c : served) {
            long declared = result.schema().instances().stream().map(CimInstance::cimClass)
                    .filter(k -> k.name().equals(c.name())).count();
            out.append("                assertEquals(").append(declared).append(", count(client.enumerateInstanceNames(")
                    .append("path(NAMESPACE, \"").append(c.name().spelling()).append("\"))),\n")
                    .append("                        \"instances of ").append(c.name().spelling()).append("\");\n");
        }
        return out.toString();
    }

    private static Path javaPath(String root, String pkg, String type) {
        return Path.of(root, pkg.replace('.', '/'), type + ".java");
    }

    /** Writes every file into a hidden temporary folder beside the target and renames it, so a failure leaves nothing. */
    private static void writeAll(Path parent, Path target, Map<Path, String> files) throws InitException {
        Path temp;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".init-");
        } catch (IOException e) {
            throw new InitException("cannot write into " + parent + ": " + e.getMessage());
        }
        try {
            for (Map.Entry<Path, String> f : files.entrySet()) {
                Path path = temp.resolve(f.getKey());
                Files.createDirectories(path.getParent() == null ? temp : path.getParent());
                Files.writeString(path, f.getValue(), StandardCharsets.UTF_8);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new InitException("cannot write the project " + target + ": " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the folder is hidden and named after init
        }
    }
}
