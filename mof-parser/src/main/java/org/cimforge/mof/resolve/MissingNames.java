package org.cimforge.mof.resolve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cimforge.mof.ast.Feature;
import org.cimforge.mof.ast.Production;
import org.cimforge.mof.ast.QualifierUse;
import org.cimforge.mof.ast.TypeSpec;
import org.cimforge.mof.ast.Value;

/**
 * The class and qualifier names that productions use but do not declare: superclasses, REF targets,
 * EmbeddedInstance classes and instance classes, and every qualifier applied. Fed production by
 * production as files are read, it tells the class search path what is still missing.
 */
final class MissingNames {
    // Keyed by lower-cased name (CIM names are case-insensitive), valued with the first spelling seen.
    private final Map<String, String> usedClasses = new LinkedHashMap<>();
    private final Set<String> declaredClasses = new HashSet<>();
    private final Set<String> usedQualifiers = new HashSet<>();
    private final Set<String> declaredQualifiers = new HashSet<>();

    void scan(List<Production> productions) {
        for (Production production : productions) {
            if (production instanceof Production.QualifierDeclaration decl) {
                declaredQualifiers.add(key(decl.name()));
            } else if (production instanceof Production.ClassDeclaration decl) {
                declaredClasses.add(key(decl.name()));
                useClass(decl.superClass());
                useQualifiers(decl.qualifiers());
                for (Feature feature : decl.features()) {
                    useQualifiers(feature.qualifiers());
                    if (feature instanceof Feature.Property property) {
                        useType(property.type());
                    } else if (feature instanceof Feature.Method method) {
                        useType(method.returnType());
                        for (Feature.Parameter parameter : method.parameters()) {
                            useQualifiers(parameter.qualifiers());
                            useType(parameter.type());
                        }
                    }
                }
            } else if (production instanceof Production.InstanceDeclaration decl) {
                useClass(decl.className());
                useQualifiers(decl.qualifiers());
            }
        }
    }

    /** Used but undeclared classes, in the order first used, with their first spelling. */
    List<String> missingClasses() {
        List<String> missing = new ArrayList<>();
        usedClasses.forEach((key, spelling) -> {
            if (!declaredClasses.contains(key)) {
                missing.add(spelling);
            }
        });
        return missing;
    }

    boolean isMissingClass(String name) {
        return usedClasses.containsKey(key(name)) && !declaredClasses.contains(key(name));
    }

    boolean hasMissingQualifiers() {
        return !declaredQualifiers.containsAll(usedQualifiers);
    }

    private void useType(TypeSpec type) {
        if (type != null) {
            useClass(type.referenceClass());
        }
    }

    private void useQualifiers(List<QualifierUse> uses) {
        for (QualifierUse use : uses) {
            usedQualifiers.add(key(use.name()));
            if (use.name().equalsIgnoreCase("EmbeddedInstance") && use.value() instanceof Value.StringValue s) {
                useClass(s.value());
            }
        }
    }

    private void useClass(String name) {
        if (name != null && !name.isBlank()) {
            usedClasses.putIfAbsent(key(name), name);
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
