package org.cimforge.runtime.cimxml;

import java.util.ArrayList;
import java.util.List;

/** One parsed XML element of a CIM-XML message: name, attributes, child elements and its text. */
public final class XmlNode {
    private final String name;
    /** Attribute names and values alternating, in document order: a request element has two or three at most. */
    private final String[] attributes;
    private final List<XmlNode> children;
    private final String text;

    XmlNode(String name, String[] attributes, List<XmlNode> children, String text) {
        this.name = name;
        this.attributes = attributes;
        this.children = children;
        this.text = text;
    }

    /** The element name, as written (CIM-XML element names are upper case). */
    public String name() {
        return name;
    }

    /** An attribute value, or null; the lookup ignores case so legacy spellings such as EMBEDDEDOBJECT match. */
    public String attr(String attributeName) {
        String[] a = attributes;
        for (int i = 0; i < a.length; i += 2) {
            if (a[i].equals(attributeName)) {
                return a[i + 1];
            }
        }
        for (int i = 0; i < a.length; i += 2) {
            if (a[i].equalsIgnoreCase(attributeName)) {
                return a[i + 1];
            }
        }
        return null;
    }

    /** The attribute value, or a protocol error naming the element when it is missing. */
    public String requiredAttr(String attributeName) {
        String value = attr(attributeName);
        if (value == null) {
            throw CimXmlException.notValid("<" + name + "> lacks the " + attributeName + " attribute");
        }
        return value;
    }

    /** Child elements in document order. */
    public List<XmlNode> children() {
        return children;
    }

    /** The first child with the given name, or null. */
    public XmlNode child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** The only child element, or null when there is none. */
    public XmlNode firstChild() {
        return children.isEmpty() ? null : children.get(0);
    }

    /** All children with the given name. */
    public List<XmlNode> all(String childName) {
        List<XmlNode> result = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                result.add(c);
            }
        }
        return result;
    }

    /** Character content (CDATA included), never null. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("<").append(name).append(" {");
        for (int i = 0; i < attributes.length; i += 2) {
            b.append(i == 0 ? "" : ", ").append(attributes[i]).append('=').append(attributes[i + 1]);
        }
        return b.append("}>").toString();
    }
}
