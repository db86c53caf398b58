package org.cimforge.runtime.cimxml;

import java.io.OutputStream;
import java.lang.reflect.Array;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMFlavor;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMParameter;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.CIMQualifier;

/**
 * Writes CIM-XML elements to a StAX stream. Each attribute is written once, in its DSP0201 spelling (wbemcli refuses
 * duplicates); references in values are written as full INSTANCEPATHs with a HOST, which clients pass back verbatim.
 */
public final class CimXmlWriter {
    private final XMLStreamWriter out;
    private final String defaultHost;

    /** Over any StAX writer; the tests use it to compare {@link Utf8XmlWriter} with the JDK's writer. */
    CimXmlWriter(XMLStreamWriter out, String defaultHost) {
        this.out = out;
        this.defaultHost = defaultHost;
    }

    /** A writer over a byte stream in UTF-8; {@code defaultHost} fills paths that carry no host. */
    public static CimXmlWriter create(OutputStream stream, String defaultHost) {
        // Not the JDK's StAX writer, whose per-instance setup cost a fifth of the CPU of a small response, nor
        // Woodstox's, whose defaults (<X/> for empty elements, a single-quoted declaration) wbemcli cannot read:
        // Utf8XmlWriter writes what the JDK's writer writes, without the setup.
        return new CimXmlWriter(new Utf8XmlWriter(stream), defaultHost);
    }

    /** The underlying StAX writer, for envelope elements. */
    public XMLStreamWriter stax() {
        return out;
    }

    /** Writes the XML declaration and opens CIM/MESSAGE/SIMPLERSP. */
    public void startResponse(String messageId) throws XMLStreamException {
        out.writeStartDocument("utf-8", "1.0");
        out.writeStartElement("CIM");
        out.writeAttribute("CIMVERSION", "2.0");
        out.writeAttribute("DTDVERSION", "2.0");
        out.writeStartElement("MESSAGE");
        out.writeAttribute("ID", messageId);
        out.writeAttribute("PROTOCOLVERSION", "1.0");
        out.writeStartElement("SIMPLERSP");
    }

    /** Closes the elements opened by {@link #startResponse} and flushes. */
    public void endResponse() throws XMLStreamException {
        out.writeEndElement();
        out.writeEndElement();
        out.writeEndElement();
        out.writeEndDocument();
        out.flush();
    }

    /** Writes an ERROR element. */
    public void error(int code, String description) throws XMLStreamException {
        out.writeEmptyElement("ERROR");
        out.writeAttribute("CODE", Integer.toString(code));
        if (description != null) {
            out.writeAttribute("DESCRIPTION", description);
        }
    }

    /** LOCALNAMESPACEPATH for a slash-separated namespace. */
    public void localNamespacePath(String namespace) throws XMLStreamException {
        out.writeStartElement("LOCALNAMESPACEPATH");
        for (String part : namespace.split("/")) {
            if (!part.isEmpty()) {
                out.writeEmptyElement("NAMESPACE");
                out.writeAttribute("NAME", part);
            }
        }
        out.writeEndElement();
    }

    private void namespacePath(CIMObjectPath path, String namespace) throws XMLStreamException {
        out.writeStartElement("NAMESPACEPATH");
        out.writeStartElement("HOST");
        String host = path.getHost() != null && !path.getHost().isEmpty() ? path.getHost() : defaultHost;
        out.writeCharacters(host);
        out.writeEndElement();
        localNamespacePath(namespace);
        out.writeEndElement();
    }

    /** CLASSNAME element. */
    public void className(String name) throws XMLStreamException {
        out.writeEmptyElement("CLASSNAME");
        out.writeAttribute("NAME", name);
    }

    /** CLASSPATH element (NAMESPACEPATH + CLASSNAME). */
    public void classPath(CIMObjectPath path, String namespace) throws XMLStreamException {
        out.writeStartElement("CLASSPATH");
        namespacePath(path, ns(path, namespace));
        className(path.getObjectName());
        out.writeEndElement();
    }

    /** INSTANCEPATH element (NAMESPACEPATH + INSTANCENAME). */
    public void instancePath(CIMObjectPath path, String namespace) throws XMLStreamException {
        out.writeStartElement("INSTANCEPATH");
        namespacePath(path, ns(path, namespace));
        instanceName(path);
        out.writeEndElement();
    }

    private static String ns(CIMObjectPath path, String fallback) {
        return path.getNamespace() != null && !path.getNamespace().isEmpty() ? path.getNamespace() : fallback;
    }

    /** INSTANCENAME with one KEYBINDING per key. */
    public void instanceName(CIMObjectPath path) throws XMLStreamException {
        out.writeStartElement("INSTANCENAME");
        out.writeAttribute("CLASSNAME", path.getObjectName());
        CIMProperty<?>[] keys = path.getKeys();
        if (keys != null) {
            for (CIMProperty<?> key : keys) {
                out.writeStartElement("KEYBINDING");
                out.writeAttribute("NAME", key.getName());
                Object v = key.getValue();
                if (v instanceof CIMObjectPath ref) {
                    valueReference(ref, path.getNamespace());
                } else if (v != null) {
                    int type = key.getDataType() != null && key.getDataType().getType() != CIMDataType.NULL
                            ? key.getDataType().getType() : CimValues.typeOf(v);
                    out.writeStartElement("KEYVALUE");
                    out.writeAttribute("VALUETYPE", CimValues.valueType(type));
                    out.writeAttribute("TYPE", CimValues.typeName(type));
                    out.writeCharacters(CimValues.format(v));
                    out.writeEndElement();
                } else {
                    out.writeStartElement("KEYVALUE");
                    out.writeEndElement();
                }
                out.writeEndElement();
            }
        }
        out.writeEndElement();
    }

    /** VALUE.REFERENCE holding an INSTANCEPATH (or CLASSPATH for a keyless path). */
    public void valueReference(CIMObjectPath ref, String namespace) throws XMLStreamException {
        out.writeStartElement("VALUE.REFERENCE");
        if (ref.getKeys() == null || ref.getKeys().length == 0) {
            classPath(ref, namespace);
        } else {
            instancePath(ref, namespace);
        }
        out.writeEndElement();
    }

    /** OBJECTPATH holding an INSTANCEPATH or CLASSPATH. */
    public void objectPath(CIMObjectPath path, String namespace, boolean isClass) throws XMLStreamException {
        out.writeStartElement("OBJECTPATH");
        if (isClass) {
            classPath(path, namespace);
        } else {
            instancePath(path, namespace);
        }
        out.writeEndElement();
    }

    /** INSTANCE with its properties, in the order given. */
    public void instance(CIMInstance instance, String namespace) throws XMLStreamException {
        out.writeStartElement("INSTANCE");
        out.writeAttribute("CLASSNAME", instance.getClassName());
        for (CIMProperty<?> p : instance.getProperties()) {
            property(p, null, false, true, namespace);
        }
        out.writeEndElement();
    }

    private void property(CIMProperty<?> p, CIMQualifier<?>[] qualifiers, boolean classOrigin, boolean valued,
                          String namespace) throws XMLStreamException {
        CIMDataType dt = p.getDataType();
        Object value = p.getValue();
        if (dt == null || dt.getType() == CIMDataType.NULL) {
            dt = value == null ? CIMDataType.STRING_T : CIMDataType.getDataType(value);
        }
        int type = dt.getType();
        if (type == CIMDataType.REFERENCE) {
            out.writeStartElement("PROPERTY.REFERENCE");
            out.writeAttribute("NAME", p.getName());
            if (dt.getRefClassName() != null && !dt.getRefClassName().isEmpty()) {
                out.writeAttribute("REFERENCECLASS", dt.getRefClassName());
            }
            origin(p.getOriginClass(), p.isPropagated(), classOrigin);
            qualifiers(qualifiers);
            if (valued && value instanceof CIMObjectPath ref) {
                valueReference(ref, namespace);
            }
            out.writeEndElement();
            return;
        }
        boolean embedded = type == CIMDataType.OBJECT || type == CIMDataType.CLASS;
        out.writeStartElement(dt.isArray() ? "PROPERTY.ARRAY" : "PROPERTY");
        out.writeAttribute("NAME", p.getName());
        out.writeAttribute("TYPE", CimValues.typeName(type));
        if (embedded) {
            out.writeAttribute("EmbeddedObject", "instance");
        }
        if (dt.isArray() && dt.getSize() > 0) {
            out.writeAttribute("ARRAYSIZE", Integer.toString(dt.getSize()));
        }
        origin(p.getOriginClass(), p.isPropagated(), classOrigin);
        qualifiers(qualifiers);
        if (valued && value != null) {
            value(value, namespace);
        }
        out.writeEndElement();
    }

    private void origin(String originClass, boolean propagated, boolean include) throws XMLStreamException {
        if (include && originClass != null) {
            out.writeAttribute("CLASSORIGIN", originClass);
        }
        if (include && propagated) {
            out.writeAttribute("PROPAGATED", "true");
        }
    }

    /** Writes VALUE or VALUE.ARRAY (or VALUE.REFERENCE / VALUE.REFARRAY) for a Java value. */
    public void value(Object value, String namespace) throws XMLStreamException {
        if (value instanceof CIMObjectPath ref) {
            valueReference(ref, namespace);
            return;
        }
        if (value.getClass().isArray()) {
            boolean refs = value instanceof CIMObjectPath[];
            out.writeStartElement(refs ? "VALUE.REFARRAY" : "VALUE.ARRAY");
            int n = Array.getLength(value);
            for (int i = 0; i < n; i++) {
                Object element = Array.get(value, i);
                if (element == null) {
                    out.writeEmptyElement("VALUE.NULL");
                } else if (element instanceof CIMObjectPath ref) {
                    valueReference(ref, namespace);
                } else {
                    scalar(element, namespace);
                }
            }
            out.writeEndElement();
            return;
        }
        scalar(value, namespace);
    }

    private void scalar(Object value, String namespace) throws XMLStreamException {
        out.writeStartElement("VALUE");
        if (value instanceof CIMInstance embedded) {
            out.writeCharacters(embeddedText(embedded, namespace));
        } else {
            out.writeCharacters(CimValues.format(value));
        }
        out.writeEndElement();
    }

    private String embeddedText(CIMInstance instance, String namespace) throws XMLStreamException {
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream(1024);
        CimXmlWriter nested = create(text, defaultHost);
        nested.instance(instance, namespace);
        nested.out.flush();
        return text.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Writes RETURNVALUE or PARAMVALUE with PARAMTYPE for a typed value. */
    public void typedValue(String element, String name, CIMDataType dt, Object value, String namespace)
            throws XMLStreamException {
        out.writeStartElement(element);
        if (name != null) {
            out.writeAttribute("NAME", name);
        }
        if (dt == null || dt.getType() == CIMDataType.NULL) {
            dt = value == null ? CIMDataType.STRING_T : CIMDataType.getDataType(value);
        }
        int type = dt.getType();
        out.writeAttribute("PARAMTYPE", CimValues.typeName(type));
        if (type == CIMDataType.OBJECT || type == CIMDataType.CLASS) {
            out.writeAttribute("EmbeddedObject", "instance");
        }
        if (value != null) {
            value(value, namespace);
        }
        out.writeEndElement();
    }

    /**
     * Writes a CLASS element with the usual retrieval switches; {@code properties} (lower case names) limits the
     * properties written when non-null.
     */
    public void cimClass(CIMClass cimClass, boolean localOnly, boolean includeQualifiers, boolean includeClassOrigin,
                         Set<String> properties) throws XMLStreamException {
        out.writeStartElement("CLASS");
        out.writeAttribute("NAME", cimClass.getObjectPath().getObjectName());
        if (cimClass.getSuperClassName() != null) {
            out.writeAttribute("SUPERCLASS", cimClass.getSuperClassName());
        }
        if (includeQualifiers) {
            qualifiers(cimClass.getQualifiers());
        }
        for (CIMClassProperty<?> p : cimClass.getProperties()) {
            if (localOnly && p.isPropagated()) {
                continue;
            }
            if (properties != null && !properties.contains(p.getName().toLowerCase(Locale.ROOT))) {
                continue;
            }
            property(p, includeQualifiers ? p.getQualifiers() : null, includeClassOrigin, true, null);
        }
        for (CIMMethod<?> m : cimClass.getMethods()) {
            if (localOnly && m.isPropagated()) {
                continue;
            }
            method(m, includeQualifiers, includeClassOrigin);
        }
        out.writeEndElement();
    }

    private void method(CIMMethod<?> m, boolean includeQualifiers, boolean includeClassOrigin)
            throws XMLStreamException {
        out.writeStartElement("METHOD");
        out.writeAttribute("NAME", m.getName());
        out.writeAttribute("TYPE", CimValues.typeName(m.getDataType().getType()));
        origin(m.getOriginClass(), m.isPropagated(), includeClassOrigin);
        if (includeQualifiers) {
            qualifiers(m.getQualifiers());
        }
        for (CIMParameter<?> p : m.getParameters()) {
            CIMDataType dt = p.getDataType();
            boolean ref = dt.getType() == CIMDataType.REFERENCE;
            String element = ref ? (dt.isArray() ? "PARAMETER.REFARRAY" : "PARAMETER.REFERENCE")
                    : (dt.isArray() ? "PARAMETER.ARRAY" : "PARAMETER");
            out.writeStartElement(element);
            out.writeAttribute("NAME", p.getName());
            if (ref) {
                if (dt.getRefClassName() != null && !dt.getRefClassName().isEmpty()) {
                    out.writeAttribute("REFERENCECLASS", dt.getRefClassName());
                }
            } else {
                out.writeAttribute("TYPE", CimValues.typeName(dt.getType()));
            }
            if (dt.isArray() && dt.getSize() > 0) {
                out.writeAttribute("ARRAYSIZE", Integer.toString(dt.getSize()));
            }
            // Parameter qualifiers (IN, OUT) are what clients such as wbemcli rely on, so they always go out
            // when qualifiers are asked for.
            if (includeQualifiers) {
                qualifiers(p.getQualifiers());
            }
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    /**
     * Writes a QUALIFIER.DECLARATION. {@code scopes} holds the DSP0201 SCOPE attribute names that are true (CLASS,
     * ASSOCIATION, REFERENCE, PROPERTY, METHOD, PARAMETER, INDICATION); flavors are written only where they differ
     * from the DTD defaults.
     */
    public void qualifierDeclaration(String name, CIMDataType type, Object value, Set<String> scopes,
                                     boolean overridable, boolean toSubclass, boolean translatable)
            throws XMLStreamException {
        out.writeStartElement("QUALIFIER.DECLARATION");
        out.writeAttribute("NAME", name);
        out.writeAttribute("TYPE", CimValues.typeName(type.getType()));
        if (type.isArray()) {
            out.writeAttribute("ISARRAY", "true");
            if (type.getSize() > 0) {
                out.writeAttribute("ARRAYSIZE", Integer.toString(type.getSize()));
            }
        }
        if (!overridable) {
            out.writeAttribute("OVERRIDABLE", "false");
        }
        if (!toSubclass) {
            out.writeAttribute("TOSUBCLASS", "false");
        }
        if (translatable) {
            out.writeAttribute("TRANSLATABLE", "true");
        }
        out.writeEmptyElement("SCOPE");
        for (String scope : new String[] {"CLASS", "ASSOCIATION", "REFERENCE", "PROPERTY", "METHOD", "PARAMETER",
            "INDICATION"}) {
            if (scopes.contains(scope)) {
                out.writeAttribute(scope, "true");
            }
        }
        if (value != null) {
            value(value, null);
        }
        out.writeEndElement();
    }

    private void qualifiers(CIMQualifier<?>[] qualifiers) throws XMLStreamException {
        if (qualifiers == null) {
            return;
        }
        for (CIMQualifier<?> q : qualifiers) {
            out.writeStartElement("QUALIFIER");
            out.writeAttribute("NAME", q.getName());
            CIMDataType dt = q.getDataType();
            out.writeAttribute("TYPE", CimValues.typeName(dt == null ? CIMDataType.STRING : dt.getType()));
            if (q.isPropagated()) {
                out.writeAttribute("PROPAGATED", "true");
            }
            int flavor = q.getFlavor();
            if ((flavor & CIMFlavor.DISABLEOVERRIDE) != 0) {
                out.writeAttribute("OVERRIDABLE", "false");
            }
            if ((flavor & CIMFlavor.RESTRICTED) != 0) {
                out.writeAttribute("TOSUBCLASS", "false");
            }
            if ((flavor & CIMFlavor.TRANSLATE) != 0) {
                out.writeAttribute("TRANSLATABLE", "true");
            }
            if (q.getValue() != null) {
                value(q.getValue(), null);
            }
            out.writeEndElement();
        }
    }
}
