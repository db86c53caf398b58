package org.cimforge.codegen.init;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code init} is asked for: the vendor MOF, the schema folders it is compiled against (include path and class
 * search path), the new project's coordinates and Java package, the CIMForge version its build uses, and the folder
 * in which the project folder {@code <artifactId>} is created.
 *
 * @param mof             the vendor MOF file
 * @param includePath     schema folders (not jars: init copies what it reads from them into the project)
 * @param groupId         the new project's groupId
 * @param artifactId      the new project's artifactId, also its folder name and the name of its runnable jar
 * @param basePackage     the Java package of the bindings; the project's own code goes to {@code <basePackage>.server}
 * @param cimforgeVersion the version of the plugin and runtime the project's build uses
 * @param parentDirectory where the project folder is created
 * @param warningsAsErrors refuse a MOF with warnings too
 */
public record InitRequest(Path mof, List<Path> includePath, String groupId, String artifactId, String basePackage,
                          String cimforgeVersion, Path parentDirectory, boolean warningsAsErrors) {
    /** The groupId when none is given. */
    public static final String DEFAULT_GROUP_ID = "com.example";

    /** Copies the include path; a null groupId or package takes the default. */
    public InitRequest {
        Objects.requireNonNull(mof, "mof");
        includePath = includePath == null ? List.of() : List.copyOf(includePath);
        groupId = groupId == null || groupId.isBlank() ? DEFAULT_GROUP_ID : groupId.strip();
        Objects.requireNonNull(artifactId, "artifactId");
        basePackage = basePackage == null || basePackage.isBlank() ? defaultPackage(groupId, artifactId)
                : basePackage.strip();
        Objects.requireNonNull(cimforgeVersion, "cimforgeVersion");
        Objects.requireNonNull(parentDirectory, "parentDirectory");
    }

    /** A request that accepts MOF warnings. */
    public InitRequest(Path mof, List<Path> includePath, String groupId, String artifactId, String basePackage,
                       String cimforgeVersion, Path parentDirectory) {
        this(mof, includePath, groupId, artifactId, basePackage, cimforgeVersion, parentDirectory, false);
    }

    /** {@code <groupId>.<artifactId>} made a legal package name: lower case, letters and digits only per segment. */
    static String defaultPackage(String groupId, String artifactId) {
        StringBuilder pkg = new StringBuilder();
        for (String segment : (groupId + "." + artifactId).toLowerCase(Locale.ROOT).split("\\.")) {
            String clean = segment.replaceAll("[^a-z0-9_]", "");
            if (clean.isEmpty()) {
                continue;
            }
            if (Character.isDigit(clean.charAt(0)) || javax.lang.model.SourceVersion.isKeyword(clean)) {
                clean = "_" + clean;
            }
            pkg.append(pkg.length() == 0 ? "" : ".").append(clean);
        }
        return pkg.toString();
    }

    /** The package of the project's own code (Main, the providers, the test). */
    public String serverPackage() {
        return basePackage + ".server";
    }
}
