package org.cimforge.runtime.cimxml;

import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads CIM-XML with a hardened StAX reader into {@link XmlNode}s.
 *
 * <p>DTDs and external entities are switched off, and any DOCTYPE is refused outright: CIM-XML never needs one, and
 * refusing it up front is what keeps an entity-expansion bomb from costing more than the bytes it arrives in. Requests
 * are already bounded in size by the HTTP layer; nesting depth and element count are bounded here.
 */
public final class CimXmlParser {
    private static final int MAX_DEPTH = 64;
    private static final int MAX_ELEMENTS = 2_000_000;

    private static final XMLInputFactory FACTORY = createFactory();

    private CimXmlParser() {
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory f = new com.ctc.wstx.stax.WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /**
     * Parses a request body, which must be UTF-8 as DSP0200 requires: a byte sequence that is not shortest-form
     * UTF-8 (an overlong {@code C0 AF}, a surrogate, a truncated character) makes the document not well-formed.
     */
    public static XmlNode parseRequest(byte[] body) {
        int bad = Utf8Check.firstInvalid(body);
        if (bad >= 0) {
            throw CimXmlException.notWellFormed(String.format(Locale.ROOT,
                    "request is not valid UTF-8: byte 0x%02X at offset %d", body[bad] & 0xFF, bad));
        }
        return parse(new java.io.ByteArrayInputStream(body));
    }

    /** Parses a whole document from a stream (the encoding comes from the XML declaration, UTF-8 by default). */
    public static XmlNode parse(InputStream in) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(in);
            try {
                return read(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw CimXmlException.notWellFormed("request is not well-formed XML: " + oneLine(e.getMessage()));
        }
    }

    /** Parses a document held in a string (used for embedded objects). */
    public static XmlNode parse(String xml) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            try {
                return read(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw CimXmlException.notWellFormed("embedded object is not well-formed XML: " + oneLine(e.getMessage()));
        }
    }

    private static XmlNode read(XMLStreamReader r) throws XMLStreamException {
        Deque<Builder> stack = new ArrayDeque<>();
        XmlNode root = null;
        int elements = 0;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw CimXmlException.notValid("DOCTYPE declarations are not accepted");
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw CimXmlException.notValid("undeclared entity reference &" + r.getLocalName() + ";");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++elements > MAX_ELEMENTS || stack.size() >= MAX_DEPTH) {
                        throw CimXmlException.notValid("request nests or repeats elements beyond the server's limits");
                    }
                    if (root != null) {
                        throw CimXmlException.notWellFormed("content after the document element");
                    }
                    int count = r.getAttributeCount();
                    String[] attrs = count == 0 ? NO_ATTRIBUTES : new String[2 * count];
                    for (int i = 0; i < count; i++) {
                        attrs[2 * i] = r.getAttributeLocalName(i);
                        attrs[2 * i + 1] = r.getAttributeValue(i);
                    }
                    stack.push(new Builder(r.getLocalName(), attrs));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!stack.isEmpty()) {
                        stack.peek().append(r.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Builder b = stack.pop();
                    XmlNode node = new XmlNode(b.name, b.attrs, b.children == null ? List.of() : b.children,
                            b.text());
                    if (stack.isEmpty()) {
                        root = node;
                    } else {
                        stack.peek().add(node);
                    }
                }
                default -> {
                    // comments, processing instructions and the document end carry nothing for CIM
                }
            }
        }
        if (root == null) {
            throw CimXmlException.notWellFormed("request body holds no XML element");
        }
        return root;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replace('\n', ' ').replace('\r', ' ');
    }

    private static final String[] NO_ATTRIBUTES = new String[0];

    /**
     * An element being read. Children and text are made only when there are some, and a single piece of text (the
     * usual case with coalescing on) is kept as the string the reader gave.
     */
    private static final class Builder {
        final String name;
        final String[] attrs;
        List<XmlNode> children;
        private String text;
        private StringBuilder moreText;

        Builder(String name, String[] attrs) {
            this.name = name;
            this.attrs = attrs;
        }

        void add(XmlNode child) {
            if (children == null) {
                children = new ArrayList<>(4);
            }
            children.add(child);
        }

        void append(String piece) {
            if (moreText != null) {
                moreText.append(piece);
            } else if (text == null) {
                text = piece;
            } else {
                moreText = new StringBuilder(text.length() + piece.length() + 16).append(text).append(piece);
            }
        }

        String text() {
            return moreText != null ? moreText.toString() : text == null ? "" : text;
        }
    }
}
