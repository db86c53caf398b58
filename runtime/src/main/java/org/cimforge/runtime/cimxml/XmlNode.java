package org.cimforge.runtime.cimxml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One parsed XML element of a CIM-XML message: name, attributes, child elements and its text. */
public final class XmlNode {
    private final String name;
    private final Map<String, String> attributes;
    private final List<XmlNode> children;
    private final String text;

    XmlNode(String name, Map<String, String> attributes, List<XmlNode> children, String text) {
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
        String exact = attributes.get(attributeName);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (e.getKey().equalsIgnoreCase(attributeName)) {
                return e.getValue();
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
        return "<" + name + " " + attributes + ">";
    }
}
