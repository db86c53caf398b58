package org.cimforge.runtime.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimMethod;
import org.cimforge.mof.model.CimParameter;
import org.cimforge.mof.model.CimProperty;
import org.cimforge.mof.model.CimQualifier;
import org.cimforge.mof.model.CimSchema;
import org.cimforge.mof.model.CimTypeRef;
import org.cimforge.mof.model.CimValue;
import org.cimforge.mof.model.Flavor;
import org.cimforge.mof.model.QualifierType;
import org.cimforge.mof.model.Qualifiers;
import org.cimforge.mof.model.Scope;
import org.cimforge.runtime.cimxml.CimValues;
import org.cimforge.runtime.cimxml.TypeLookup;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMFlavor;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMParameter;
import org.metricshub.wbem.javax.cim.CIMQualifier;

/**
 * The classes served in each namespace, taken from compiled MOF ({@link CimSchema}) and converted once, lazily, to
 * javax.cim {@link CIMClass}es. Namespace and class names are matched ignoring case.
 */
public final class CimClassRepository implements TypeLookup {
    private final Map<String, Space> spaces = new LinkedHashMap<>();

    /** Adds (or replaces) a namespace served from a schema; call before the server starts. */
    public CimClassRepository namespace(String namespace, CimSchema schema) {
        spaces.put(namespace.toLowerCase(Locale.ROOT), new Space(namespace, schema));
        return this;
    }

    /** The spelling of a served namespace, or null when it is not served. */
    public String canonicalNamespace(String namespace) {
        Space s = space(namespace);
        return s == null ? null : s.name;
    }

    /**
     * The namespace of that name ignoring case, or null. Requests pass the served spelling after the first look-up,
     * so comparing it with the few served names first spares a lower-cased copy and its hash on every call.
     */
    private Space space(String namespace) {
        if (namespace == null) {
            return null;
        }
        for (Space s : spaces.values()) {
            if (s.name.equals(namespace)) {
                return s;
            }
        }
        return spaces.get(namespace.toLowerCase(Locale.ROOT));
    }

    /** The namespaces served, in registration order. */
    public List<String> namespaces() {
        return spaces.values().stream().map(s -> s.name).toList();
    }

    /** The schema of a namespace, or null. */
    public CimSchema schema(String namespace) {
        Space s = space(namespace);
        return s == null ? null : s.schema;
    }

    /** The model class, or null when the namespace or class is unknown. */
    public CimClass modelClass(String namespace, String className) {
        Space s = space(namespace);
        if (s == null || className == null) {
            return null;
        }
        // Remembered by the name as spelled (bounded with the property types), which skips the case-folded look-up.
        CimClass known = s.classes.get(className);
        if (known != null) {
            return known;
        }
        CimClass c = s.schema.cimClass(className).orElse(null);
        if (c != null && s.rememberedTypes.incrementAndGet() <= MAX_REMEMBERED_TYPES) {
            s.classes.put(className, c);
        }
        return c;
    }

    /** The javax.cim form of a class (all properties, methods, qualifiers and origins), or null. */
    public CIMClass cimClass(String namespace, String className) {
        Space s = space(namespace);
        if (s == null) {
            return null;
        }
        CimClass model = modelClass(namespace, className);
        if (model == null) {
            return null;
        }
        // One spelling per class in a schema, and a long-lived string whose hash is computed once.
        return s.converted.computeIfAbsent(model.name().spelling(),
                k -> convert(s.name, model));
    }

    /** Whether {@code className} is {@code ancestor} or one of its subclasses. */
    public boolean isA(String namespace, String className, String ancestor) {
        if (className.equalsIgnoreCase(ancestor)) {
            return true;
        }
        CimClass c = modelClass(namespace, className);
        return c != null && c.isSubclassOf(org.cimforge.mof.model.CimName.of(ancestor));
    }

    /**
     * A qualifier declaration in javax.cim terms.
     *
     * @param scopes the DSP0201 SCOPE attribute names that apply (all of them for {@code Scope(any)})
     */
    public record QualifierDeclaration(String name, CIMDataType type, Object defaultValue, Set<String> scopes,
                                       boolean overridable, boolean toSubclass, boolean translatable) {
    }

    /** The qualifier declarations of a namespace, in MOF order. */
    public List<QualifierDeclaration> qualifierDeclarations(String namespace) {
        List<QualifierDeclaration> result = new ArrayList<>();
        for (QualifierType q : schema(namespace).qualifierTypes()) {
            result.add(declaration(q));
        }
        return result;
    }

    /** One qualifier declaration (name ignoring case), or null. */
    public QualifierDeclaration qualifierDeclaration(String namespace, String name) {
        return schema(namespace).qualifierType(name).map(CimClassRepository::declaration).orElse(null);
    }

    private static QualifierDeclaration declaration(QualifierType q) {
        int code = CimValues.typeCode(q.type().type().mofName());
        CIMDataType dt = q.type().array() && q.type().arraySize() != null && q.type().arraySize() > 0
                ? new CIMDataType(code, q.type().arraySize()) : CimValues.dataType(code, q.type().array());
        Set<String> scopes = new LinkedHashSet<>();
        for (Scope s : Scope.values()) {
            if (s != Scope.ANY && s != Scope.QUALIFIER && q.appliesTo(s)) {
                scopes.add(s.name());
            }
        }
        return new QualifierDeclaration(q.name().spelling(), dt, value(q.defaultValue(), dt), scopes,
                !q.flavors().contains(Flavor.DISABLE_OVERRIDE), !q.flavors().contains(Flavor.RESTRICTED),
                q.flavors().contains(Flavor.TRANSLATABLE));
    }

    /** Root classes (no superclass) of a namespace. */
    public List<CimClass> rootClasses(String namespace) {
        List<CimClass> roots = new ArrayList<>();
        for (CimClass c : schema(namespace).classes()) {
            if (c.superClass().isEmpty()) {
                roots.add(c);
            }
        }
        return roots;
    }

    @Override
    public CIMDataType propertyType(String namespace, String className, String propertyName) {
        // Asked for every property of every instance a client sends; the answer is remembered by the names as
        // spelled, so the next request skips the case-folding look-ups of class, property and qualifiers.
        Space s = space(namespace);
        if (s == null || className == null) {
            return null;
        }
        Map<String, CIMDataType> known = s.propertyTypes.get(className);
        CIMDataType type = known == null ? null : known.get(propertyName);
        if (type != null) {
            return type;
        }
        CimClass c = s.schema.cimClass(className).orElse(null);
        CimProperty p = c == null ? null : c.property(propertyName).orElse(null);
        if (p == null) {
            return null;
        }
        type = dataType(p.type(), p.qualifiers());
        if (s.rememberedTypes.incrementAndGet() <= MAX_REMEMBERED_TYPES) {
            s.propertyTypes.computeIfAbsent(className, k -> new ConcurrentHashMap<>()).put(propertyName, type);
        }
        return type;
    }

    /** Spellings of (class, property) remembered per namespace: clients use few, a hostile one cannot grow it. */
    private static final int MAX_REMEMBERED_TYPES = 20_000;

    @Override
    public CIMDataType parameterType(String namespace, String className, String methodName, String parameterName) {
        CimClass c = modelClass(namespace, className);
        CimMethod m = c == null ? null : c.method(methodName).orElse(null);
        CimParameter p = m == null ? null : m.parameter(parameterName).orElse(null);
        return p == null ? null : dataType(p.type(), p.qualifiers());
    }

    @Override
    public boolean isEmbedded(String namespace, String className, String propertyName) {
        CIMDataType t = propertyType(namespace, className, propertyName);
        return t != null && t.getType() == CIMDataType.OBJECT;
    }

    static CIMDataType dataType(CimTypeRef ref, Qualifiers qualifiers) {
        if (ref.isReference()) {
            return CimValues.referenceType(ref.referenceClass().spelling(), ref.array());
        }
        int code = CimValues.typeCode(ref.type().mofName());
        if (code == CIMDataType.STRING && qualifiers != null
                && (qualifiers.contains("EmbeddedInstance") || qualifiers.contains("EmbeddedObject"))) {
            code = CIMDataType.OBJECT;
        }
        if (ref.array() && ref.arraySize() != null && ref.arraySize() > 0) {
            return new CIMDataType(code, ref.arraySize());
        }
        return CimValues.dataType(code, ref.array());
    }

    private static CIMClass convert(String namespace, CimClass model) {
        List<CIMClassProperty<?>> props = new ArrayList<>();
        for (CimProperty p : model.properties()) {
            CIMDataType dt = dataType(p.type(), p.qualifiers());
            props.add(new CIMClassProperty<>(p.name().spelling(), dt, value(p.defaultValue(), dt),
                    qualifiers(p.qualifiers()), p.isKey(), p.propagated(),
                    p.classOrigin() == null ? model.name().spelling() : p.classOrigin().spelling()));
        }
        List<CIMMethod<?>> methods = new ArrayList<>();
        for (CimMethod m : model.methods()) {
            List<CIMParameter<?>> params = new ArrayList<>();
            for (CimParameter p : m.parameters()) {
                params.add(new CIMParameter<>(p.name().spelling(), dataType(p.type(), p.qualifiers()),
                        qualifiers(p.qualifiers())));
            }
            methods.add(new CIMMethod<>(m.name().spelling(), dataType(m.returnType(), m.qualifiers()),
                    qualifiers(m.qualifiers()), params.toArray(new CIMParameter<?>[0]), m.propagated(),
                    m.classOrigin() == null ? model.name().spelling() : m.classOrigin().spelling()));
        }
        CIMObjectPath path = new CIMObjectPath(null, null, null, namespace, model.name().spelling(), null);
        return new CIMClass(path, model.superClass().map(s -> s.name().spelling()).orElse(null),
                qualifiers(model.qualifiers()), props.toArray(new CIMClassProperty<?>[0]),
                methods.toArray(new CIMMethod<?>[0]), model.isAssociation(), !model.keys().isEmpty());
    }

    private static CIMQualifier<?>[] qualifiers(Qualifiers qualifiers) {
        List<CIMQualifier<?>> result = new ArrayList<>();
        for (CimQualifier q : qualifiers.all()) {
            CimValue v = q.value();
            int code = CimValues.typeCode(v.type().mofName());
            if (code < 0 || code == CIMDataType.REFERENCE) {
                continue;
            }
            CIMDataType dt = CimValues.dataType(code, v.array());
            int flavor = 0;
            if (q.has(Flavor.DISABLE_OVERRIDE)) {
                flavor |= CIMFlavor.DISABLEOVERRIDE;
            }
            if (q.has(Flavor.RESTRICTED)) {
                flavor |= CIMFlavor.RESTRICTED;
            }
            if (q.has(Flavor.TRANSLATABLE)) {
                flavor |= CIMFlavor.TRANSLATE;
            }
            try {
                result.add(new CIMQualifier<>(q.name().spelling(), dt, value(v, dt), flavor, q.propagated()));
            } catch (IllegalArgumentException e) {
                // A qualifier value javax.cim cannot hold is left out rather than failing the whole class.
            }
        }
        return result.toArray(new CIMQualifier<?>[0]);
    }

    private static Object value(CimValue v, CIMDataType dt) {
        if (v == null || v.isNull()) {
            return null;
        }
        int code = dt.getType();
        if (code == CIMDataType.REFERENCE || code == CIMDataType.OBJECT) {
            return null;
        }
        try {
            if (v.array()) {
                List<Object> elements = new ArrayList<>();
                for (Object e : v.elements()) {
                    elements.add(e == null ? null : CimValues.parse(code, text(e)));
                }
                return CimValues.toArray(code, elements);
            }
            return CimValues.parse(code, text(v.value()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(Object o) {
        if (o instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        return String.valueOf(o);
    }

    private static final class Space {
        final String name;
        final CimSchema schema;
        final Map<String, CIMClass> converted = new ConcurrentHashMap<>();
        /** Property types by class and property name as spelled in requests (exact case), see propertyType. */
        final Map<String, Map<String, CIMDataType>> propertyTypes = new ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicInteger rememberedTypes = new java.util.concurrent.atomic.AtomicInteger();
        /** Classes by name as spelled in requests (exact case); see modelClass. */
        final Map<String, CimClass> classes = new ConcurrentHashMap<>();

        Space(String name, CimSchema schema) {
            this.name = name;
            this.schema = schema;
        }
    }
}
