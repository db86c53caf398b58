package org.cimforge.mof.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.DiagnosticSink;
import org.cimforge.mof.ast.Production;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimProperty;
import org.cimforge.mof.model.CimSchema;

/**
 * Turns productions (in include order) into a resolved {@link CimSchema} in ordered passes:
 * pragmas, qualifier declarations, class linking, class building in superclass-first order, then
 * instances. Every problem goes to the sink; the schema is built as far as the input allows.
 */
public final class Resolver {
    private final DiagnosticSink sink;
    private final ValueConverter values;
    private final QualifierDeclarations qualifierDeclarations;
    private final QualifierApplier qualifierApplier;
    private final ClassSearchPath searchPath;

    /** A class declaration with the namespace in force where it was written. */
    private record PendingClass(Production.ClassDeclaration declaration, String namespace, int position) {
    }

    public Resolver(DiagnosticSink sink) {
        this(sink, new ClassSearchPath(List.of()));
    }

    /** A resolver whose unknown-class and unknown-qualifier errors say where the search path was searched. */
    public Resolver(DiagnosticSink sink, ClassSearchPath searchPath) {
        this.sink = sink;
        this.searchPath = searchPath;
        this.values = new ValueConverter(sink);
        this.qualifierDeclarations = new QualifierDeclarations(sink, values);
        this.qualifierApplier = new QualifierApplier(sink, qualifierDeclarations, values, searchPath);
    }

    public CimSchema resolve(List<Production> productions) {
        Map<CimName, PendingClass> classDecls = new LinkedHashMap<>();
        List<InstanceResolver.Pending> instances = new ArrayList<>();
        PragmaChecker pragmas = new PragmaChecker(sink);
        String namespace = null;
        // Pass 1: directives and qualifier declarations, collecting classes and instances.
        int position = 0;
        for (Production production : productions) {
            position++;
            if (production instanceof Production.Pragma pragma) {
                String set = pragmas.check(pragma);
                namespace = set != null ? set : namespace;
            } else if (production instanceof Production.QualifierDeclaration decl) {
                qualifierDeclarations.declare(decl, position);
            } else if (production instanceof Production.ClassDeclaration decl) {
                // Like repository-based compilers, a redeclaration replaces the earlier class (with a warning).
                PendingClass previous = classDecls.put(CimName.of(decl.name()), new PendingClass(decl, namespace, position));
                if (previous != null) {
                    sink.report(DiagnosticCode.DUPLICATE_CLASS, decl.location(), "class " + decl.name()
                            + " is already declared at " + previous.declaration().location()
                            + "; this later declaration replaces it");
                }
            } else if (production instanceof Production.InstanceDeclaration decl) {
                instances.add(new InstanceResolver.Pending(decl, namespace));
            }
        }
        // Pass 2: build classes superclass-first, so declaration order within a compilation does not matter.
        ClassBuilder builder = new ClassBuilder(sink, qualifierApplier, values, new ValueMapParser(sink),
                name -> classDecls.containsKey(CimName.of(name)), searchPath);
        Map<CimName, CimClass> built = new LinkedHashMap<>();
        Map<CimName, Boolean> inProgress = new HashMap<>();
        for (PendingClass pending : classDecls.values()) {
            build(pending, classDecls, built, inProgress, builder);
        }
        // Keep declaration order in the schema, not build order.
        List<CimClass> ordered = new ArrayList<>(built.size());
        for (CimName name : classDecls.keySet()) {
            CimClass c = built.get(name);
            if (c != null) {
                ordered.add(c);
            }
        }
        checkReferenceNarrowing(ordered, built);
        // Pass 3: instances, after every class exists, with the qualifier declarations in force at the end.
        qualifierApplier.at(Integer.MAX_VALUE);
        var resolvedInstances = new InstanceResolver(sink, values, qualifierApplier, searchPath).resolve(instances, built);
        return new CimSchema(qualifierDeclarations.all(), ordered, resolvedInstances);
    }

    private CimClass build(PendingClass pending, Map<CimName, PendingClass> decls, Map<CimName, CimClass> built,
                           Map<CimName, Boolean> inProgress, ClassBuilder builder) {
        Production.ClassDeclaration decl = pending.declaration();
        CimName name = CimName.of(decl.name());
        CimClass done = built.get(name);
        if (done != null || inProgress.containsKey(name)) {
            return done;
        }
        inProgress.put(name, Boolean.TRUE);
        CimClass superClass = null;
        if (decl.superClass() != null) {
            PendingClass parent = decls.get(CimName.of(decl.superClass()));
            if (parent == null) {
                sink.report(DiagnosticCode.UNKNOWN_SUPERCLASS, decl.superClassLocation(), "superclass "
                        + decl.superClass() + " of " + decl.name() + " is not declared"
                        + searchPath.explainMissingClass(decl.superClass()));
            } else if (inProgress.containsKey(CimName.of(decl.superClass())) && !built.containsKey(CimName.of(decl.superClass()))) {
                sink.report(DiagnosticCode.INHERITANCE_CYCLE, decl.superClassLocation(),
                        "class " + decl.name() + " inherits from itself through " + decl.superClass());
            } else {
                superClass = build(parent, decls, built, inProgress, builder);
            }
        }
        qualifierApplier.at(pending.position());
        CimClass cimClass = builder.build(decl, superClass, pending.namespace());
        built.put(name, cimClass);
        return cimClass;
    }

    /** An overriding reference may only narrow its target to a subclass of the inherited target. */
    private void checkReferenceNarrowing(List<CimClass> classes, Map<CimName, CimClass> built) {
        for (CimClass c : classes) {
            CimClass parent = c.superClass().orElse(null);
            if (parent == null) {
                continue;
            }
            for (CimProperty p : c.declaredProperties()) {
                if (!p.isReference() || p.classOrigin().equals(c.name())) {
                    continue;
                }
                CimProperty inherited = parent.property(p.classOrigin().equals(c.name()) ? p.name().spelling()
                        : overriddenName(p)).orElse(null);
                if (inherited == null || !inherited.isReference()) {
                    continue;
                }
                CimClass target = built.get(p.type().referenceClass());
                if (target != null && !target.isSubclassOf(inherited.type().referenceClass())) {
                    sink.report(DiagnosticCode.OVERRIDE_TYPE_MISMATCH, p.location(), "reference " + c.name() + "."
                            + p.name() + " targets " + target.name() + ", which is not a subclass of "
                            + inherited.type().referenceClass() + " as the overridden reference requires");
                }
            }
        }
    }

    private static String overriddenName(CimProperty p) {
        String override = p.qualifiers().string("Override");
        return override != null ? override : p.name().spelling();
    }
}
