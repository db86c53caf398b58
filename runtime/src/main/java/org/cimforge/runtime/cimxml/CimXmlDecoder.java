package org.cimforge.runtime.cimxml;

import java.util.ArrayList;
import java.util.List;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * Turns parsed CIM-XML elements into javax.cim objects. Values without an explicit type are typed through a
 * {@link TypeLookup}; failing that, from the KEYVALUE VALUETYPE, or as strings.
 */
public final class CimXmlDecoder {
    private final TypeLookup types;

    /** Creates a decoder that types untyped values through the given lookup. */
    public CimXmlDecoder(TypeLookup types) {
        this.types = types;
    }

    /** Joins the NAMESPACE names of a LOCALNAMESPACEPATH with '/'. */
    public String namespace(XmlNode localNamespacePath) {
        expect(localNamespacePath, "LOCALNAMESPACEPATH");
        StringBuilder ns = new StringBuilder();
        for (XmlNode n : localNamespacePath.all("NAMESPACE")) {
            if (ns.length() > 0) {
                ns.append('/');
            }
            ns.append(n.requiredAttr("NAME"));
        }
        if (ns.length() == 0) {
            throw CimXmlException.notValid("LOCALNAMESPACEPATH names no namespace");
        }
        return ns.toString();
    }

    /** Decodes any of INSTANCENAME, LOCALINSTANCEPATH, INSTANCEPATH, CLASSNAME, LOCALCLASSPATH, CLASSPATH. */
    public CIMObjectPath objectPath(XmlNode node, String defaultNamespace) {
        switch (node.name()) {
            case "INSTANCENAME" -> {
                return instanceName(node, defaultNamespace, null);
            }
            case "LOCALINSTANCEPATH" -> {
                return instanceName(required(node, "INSTANCENAME"), namespace(required(node, "LOCALNAMESPACEPATH")),
                        null);
            }
            case "INSTANCEPATH" -> {
                XmlNode nsPath = required(node, "NAMESPACEPATH");
                return instanceName(required(node, "INSTANCENAME"), namespace(required(nsPath, "LOCALNAMESPACEPATH")),
                        host(nsPath));
            }
            case "CLASSNAME" -> {
                return new CIMObjectPath(null, null, null, defaultNamespace, node.requiredAttr("NAME"), null);
            }
            case "LOCALCLASSPATH" -> {
                return new CIMObjectPath(null, null, null, namespace(required(node, "LOCALNAMESPACEPATH")),
                        required(node, "CLASSNAME").requiredAttr("NAME"), null);
            }
            case "CLASSPATH" -> {
                XmlNode nsPath = required(node, "NAMESPACEPATH");
                return new CIMObjectPath(null, host(nsPath), null, namespace(required(nsPath, "LOCALNAMESPACEPATH")),
                        required(node, "CLASSNAME").requiredAttr("NAME"), null);
            }
            case "VALUE.REFERENCE" -> {
                return objectPath(onlyChild(node), defaultNamespace);
            }
            default -> throw CimXmlException.notValid("<" + node.name() + "> is not an object path");
        }
    }

    private static String host(XmlNode namespacePath) {
        XmlNode host = namespacePath.child("HOST");
        return host == null ? null : host.text().trim();
    }

    /** Decodes an INSTANCENAME; keys are typed from the class definition when the XML does not say. */
    public CIMObjectPath instanceName(XmlNode node, String namespace, String host) {
        expect(node, "INSTANCENAME");
        String className = node.requiredAttr("CLASSNAME");
        List<CIMProperty<?>> keys = new ArrayList<>();
        for (XmlNode child : node.children()) {
            switch (child.name()) {
                case "KEYBINDING" -> {
                    String name = child.requiredAttr("NAME");
                    for (CIMProperty<?> earlier : keys) {
                        if (earlier.getName().equalsIgnoreCase(name)) {
                            // Which of the two values would the path mean? Neither: the client must send one.
                            throw new IllegalArgumentException("INSTANCENAME " + className + " binds key " + name
                                    + " twice");
                        }
                    }
                    keys.add(keyBinding(name, onlyChild(child), namespace, className));
                }
                case "KEYVALUE", "VALUE.REFERENCE" ->
                        throw CimXmlException.notValid("INSTANCENAME " + className
                                + " uses an unnamed key; name each key with KEYBINDING");
                default -> throw CimXmlException.notValid("<" + child.name() + "> is not allowed in INSTANCENAME");
            }
        }
        return new CIMObjectPath(null, host, null, namespace, className, keys.toArray(new CIMProperty<?>[0]));
    }

    private CIMProperty<?> keyBinding(String name, XmlNode value, String namespace, String className) {
        if (value.name().equals("VALUE.REFERENCE")) {
            CIMObjectPath ref = objectPath(onlyChild(value), namespace);
            return new CIMProperty<>(name, CimValues.referenceType(ref.getObjectName(), false), ref, true, false,
                    null);
        }
        expect(value, "KEYVALUE");
        String valueType = value.attr("VALUETYPE");
        if (valueType != null && !valueType.equals("string") && !valueType.equals("boolean")
                && !valueType.equals("numeric")) {
            throw new IllegalArgumentException("KEYVALUE of key " + name + " has VALUETYPE '"
                    + (valueType.length() > 20 ? valueType.substring(0, 20) + "..." : valueType)
                    + "'; DSP0201 allows string, boolean and numeric");
        }
        int type;
        String typeAttr = value.attr("TYPE");
        if (typeAttr != null) {
            type = knownType(typeAttr);
        } else {
            CIMDataType declared = types.propertyType(namespace, className, name);
            if (declared != null && !declared.isArray() && declared.getType() != CIMDataType.REFERENCE) {
                type = declared.getType();
            } else {
                String vt = valueType;
                if (vt == null || vt.equals("string")) {
                    type = CIMDataType.STRING;
                } else if (vt.equals("boolean")) {
                    type = CIMDataType.BOOLEAN;
                } else {
                    // A numeric key of an unknown class: the widest type that keeps the sign.
                    type = value.text().trim().startsWith("-") ? CIMDataType.SINT64 : CIMDataType.UINT64;
                }
            }
        }
        return new CIMProperty<>(name, CimValues.dataType(type, false), parse(type, value.text(), name), true, false,
                null);
    }

    /** Decodes an INSTANCE; its path carries the namespace and no keys (use {@link #namedInstance} for those). */
    public CIMInstance instance(XmlNode node, String namespace) {
        expect(node, "INSTANCE");
        String className = node.requiredAttr("CLASSNAME");
        List<CIMProperty<?>> props = new ArrayList<>();
        for (XmlNode p : node.children()) {
            switch (p.name()) {
                case "PROPERTY", "PROPERTY.ARRAY", "PROPERTY.REFERENCE" -> props.add(property(p, namespace, className));
                case "QUALIFIER" -> {
                    // instance qualifiers are deprecated and carry nothing the server needs
                }
                default -> throw CimXmlException.notValid("<" + p.name() + "> is not allowed in INSTANCE");
            }
        }
        return new CIMInstance(new CIMObjectPath(null, null, null, namespace, className, null),
                props.toArray(new CIMProperty<?>[0]));
    }

    /** Decodes a VALUE.NAMEDINSTANCE (or VALUE.INSTANCEWITHPATH) into an instance carrying its path. */
    public CIMInstance namedInstance(XmlNode node, String namespace) {
        XmlNode nameNode = node.child("INSTANCENAME") != null ? node.child("INSTANCENAME") : node.child("INSTANCEPATH");
        if (nameNode == null) {
            throw CimXmlException.notValid("<" + node.name() + "> lacks its instance name");
        }
        CIMObjectPath path = objectPath(nameNode, namespace);
        CIMInstance bare = instance(required(node, "INSTANCE"), namespace);
        return new CIMInstance(path, bare.getProperties());
    }

    private CIMProperty<?> property(XmlNode p, String namespace, String className) {
        String name = p.requiredAttr("NAME");
        String origin = p.attr("CLASSORIGIN");
        boolean propagated = "true".equalsIgnoreCase(p.attr("PROPAGATED"));
        if (p.name().equals("PROPERTY.REFERENCE")) {
            XmlNode ref = p.child("VALUE.REFERENCE");
            CIMObjectPath value = ref == null ? null : objectPath(onlyChild(ref), namespace);
            return new CIMProperty<>(name, CimValues.referenceType(p.attr("REFERENCECLASS"), false), value, false,
                    propagated, origin);
        }
        boolean array = p.name().equals("PROPERTY.ARRAY");
        boolean embedded = p.attr("EmbeddedObject") != null || p.attr("EmbeddedInstance") != null;
        int type = resolveType(p.attr("TYPE"), types.propertyType(namespace, className, name), name);
        if (embedded) {
            type = CIMDataType.OBJECT;
        }
        Object value = array ? arrayValue(p.child("VALUE.ARRAY"), type, name, namespace)
                : scalarValue(p.child("VALUE"), type, name, namespace);
        CIMDataType dt = CimValues.dataType(type, array);
        return new CIMProperty<>(name, dt, value, false, propagated, origin);
    }

    /**
     * Decodes a PARAMVALUE of an extrinsic call. Without PARAMTYPE the value is typed from the method declaration.
     */
    public CIMArgument<?> paramValue(XmlNode node, String namespace, String className, String methodName) {
        String name = node.requiredAttr("NAME");
        String paramType = node.attr("PARAMTYPE") != null ? node.attr("PARAMTYPE") : node.attr("TYPE");
        CIMDataType declared = types.parameterType(namespace, className, methodName, name);
        XmlNode v = node.firstChild();
        boolean embedded = node.attr("EmbeddedObject") != null || node.attr("EmbeddedInstance") != null;
        if (v == null) {
            CIMDataType dt = declared != null ? declared
                    : paramType != null && knownType(paramType) != CIMDataType.REFERENCE
                            ? CimValues.dataType(knownType(paramType), false) : CIMDataType.STRING_T;
            return new CIMArgument<>(name, dt, null);
        }
        switch (v.name()) {
            case "VALUE.REFERENCE", "INSTANCENAME", "CLASSNAME" -> {
                CIMObjectPath ref = objectPath(v, namespace);
                return new CIMArgument<>(name, CimValues.referenceType(ref.getObjectName(), false), ref);
            }
            case "VALUE.REFARRAY" -> {
                List<Object> refs = new ArrayList<>();
                for (XmlNode r : v.children()) {
                    refs.add(r.name().equals("VALUE.NULL") ? null : objectPath(r, namespace));
                }
                String refClass = declared != null ? declared.getRefClassName() : null;
                return new CIMArgument<>(name, CimValues.referenceType(refClass, true),
                        CimValues.toArray(CIMDataType.REFERENCE, refs));
            }
            case "INSTANCE" -> {
                return new CIMArgument<>(name, CIMDataType.OBJECT_T, instance(v, namespace));
            }
            case "VALUE.NAMEDINSTANCE" -> {
                return new CIMArgument<>(name, CIMDataType.OBJECT_T, namedInstance(v, namespace));
            }
            case "VALUE", "VALUE.ARRAY" -> {
                boolean array = v.name().equals("VALUE.ARRAY");
                int type = resolveType(paramType, declared, name);
                if (embedded || declared != null && declared.getType() == CIMDataType.OBJECT) {
                    type = CIMDataType.OBJECT;
                }
                Object value = array ? arrayValue(v, type, name, namespace) : scalarValue(v, type, name, namespace);
                return new CIMArgument<>(name, CimValues.dataType(type, array), value);
            }
            default -> throw CimXmlException.notValid("<" + v.name() + "> is not allowed in PARAMVALUE");
        }
    }

    /** Decodes a VALUE or VALUE.ARRAY of a given scalar type code. */
    public Object value(XmlNode node, int type, String what, String namespace) {
        return node.name().equals("VALUE.ARRAY") ? arrayValue(node, type, what, namespace)
                : scalarValue(node, type, what, namespace);
    }

    private int resolveType(String typeAttr, CIMDataType declared, String what) {
        if (typeAttr != null) {
            int t = knownType(typeAttr);
            // An embedded object declared in the class is a string on the wire.
            if (t == CIMDataType.STRING && declared != null && declared.getType() == CIMDataType.OBJECT) {
                return CIMDataType.OBJECT;
            }
            return t;
        }
        if (declared != null) {
            return declared.getType();
        }
        return CIMDataType.STRING;
    }

    private static int knownType(String name) {
        int t = CimValues.typeCode(name);
        if (t < 0) {
            throw new IllegalArgumentException("unknown CIM type '" + name + "'");
        }
        return t;
    }

    private Object scalarValue(XmlNode node, int type, String what, String namespace) {
        if (node == null) {
            return null;
        }
        if (node.name().equals("VALUE.NULL")) {
            return null;
        }
        expect(node, "VALUE");
        if (type == CIMDataType.OBJECT) {
            XmlNode embedded = CimXmlParser.parse(node.text());
            return embedded.name().equals("INSTANCE") ? instance(embedded, namespace) : null;
        }
        return parse(type, node.text(), what);
    }

    private Object arrayValue(XmlNode node, int type, String what, String namespace) {
        if (node == null) {
            return null;
        }
        expect(node, "VALUE.ARRAY");
        List<Object> elements = new ArrayList<>();
        for (XmlNode v : node.children()) {
            elements.add(scalarValue(v, type, what, namespace));
        }
        return CimValues.toArray(type, elements);
    }

    private static Object parse(int type, String text, String what) {
        try {
            return CimValues.parse(type, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    private static XmlNode required(XmlNode parent, String childName) {
        XmlNode c = parent.child(childName);
        if (c == null) {
            throw CimXmlException.notValid("<" + parent.name() + "> lacks <" + childName + ">");
        }
        return c;
    }

    private static XmlNode onlyChild(XmlNode parent) {
        XmlNode c = parent.firstChild();
        if (c == null) {
            throw CimXmlException.notValid("<" + parent.name() + "> is empty");
        }
        return c;
    }

    private static void expect(XmlNode node, String name) {
        if (!node.name().equals(name)) {
            throw CimXmlException.notValid("expected <" + name + "> but found <" + node.name() + ">");
        }
    }
}
