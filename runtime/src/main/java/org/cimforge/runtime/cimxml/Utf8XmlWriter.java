package org.cimforge.runtime.cimxml;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small StAX writer of namespace-free XML in UTF-8, producing the same bytes as the JDK's own writer for the calls
 * CIM-XML makes. It exists because the JDK writer's per-instance setup (symbol table, namespace support, a character
 * encoder) cost about a fifth of the server's CPU for a small response; this one only allocates its byte buffer.
 *
 * <p>As with the JDK writer: an element without content written with start and end is {@code <X></X>}, one written
 * with {@link #writeEmptyElement} is {@code <X/>}; text escapes {@code < > &}, attribute values also {@code "}.
 * Namespace methods are refused, since CIM-XML has none.
 */
final class Utf8XmlWriter implements XMLStreamWriter {
    private final OutputStream stream;
    private byte[] buffer = new byte[2048];
    private int count;
    private String[] open = new String[16];
    private int depth;
    /** A start tag is written up to its attributes and not yet closed with '>' or '/>'. */
    private boolean startTagOpen;
    private boolean emptyElement;

    Utf8XmlWriter(OutputStream stream) {
        this.stream = stream;
    }

    @Override
    public void writeStartDocument(String encoding, String version) throws XMLStreamException {
        ascii("<?xml version=\"");
        raw(version == null ? "1.0" : version);
        ascii("\" encoding=\"");
        raw(encoding == null ? "utf-8" : encoding);
        ascii("\"?>");
    }

    @Override
    public void writeStartDocument(String version) throws XMLStreamException {
        writeStartDocument("utf-8", version);
    }

    @Override
    public void writeStartDocument() throws XMLStreamException {
        writeStartDocument("utf-8", "1.0");
    }

    @Override
    public void writeStartElement(String localName) throws XMLStreamException {
        closeStartTag();
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = localName;
        put((byte) '<');
        raw(localName);
        startTagOpen = true;
    }

    @Override
    public void writeEmptyElement(String localName) throws XMLStreamException {
        closeStartTag();
        put((byte) '<');
        raw(localName);
        startTagOpen = true;
        emptyElement = true;
    }

    @Override
    public void writeAttribute(String localName, String value) throws XMLStreamException {
        if (!startTagOpen) {
            throw new XMLStreamException("attribute " + localName + " written outside a start tag");
        }
        put((byte) ' ');
        raw(localName);
        ascii("=\"");
        escaped(value, true);
        put((byte) '"');
    }

    @Override
    public void writeEndElement() throws XMLStreamException {
        closeStartTag();
        if (depth == 0) {
            throw new XMLStreamException("no element is open");
        }
        String name = open[--depth];
        open[depth] = null;
        ascii("</");
        raw(name);
        put((byte) '>');
    }

    @Override
    public void writeEndDocument() throws XMLStreamException {
        while (depth > 0) {
            writeEndElement();
        }
        closeStartTag();
    }

    @Override
    public void writeCharacters(String text) throws XMLStreamException {
        closeStartTag();
        escaped(text, false);
    }

    @Override
    public void writeCharacters(char[] text, int start, int len) throws XMLStreamException {
        writeCharacters(new String(text, start, len));
    }

    @Override
    public void writeCData(String data) throws XMLStreamException {
        closeStartTag();
        ascii("<![CDATA[");
        raw(data);
        ascii("]]>");
    }

    @Override
    public void writeComment(String data) throws XMLStreamException {
        closeStartTag();
        ascii("<!--");
        raw(data);
        ascii("-->");
    }

    @Override
    public void flush() throws XMLStreamException {
        try {
            drain();
            stream.flush();
        } catch (IOException e) {
            throw new XMLStreamException(e);
        }
    }

    @Override
    public void close() throws XMLStreamException {
        // Like the JDK writer: what was written is flushed, the underlying stream stays open.
        flush();
    }

    private void closeStartTag() throws XMLStreamException {
        if (startTagOpen) {
            if (emptyElement) {
                put((byte) '/');
                emptyElement = false;
            }
            put((byte) '>');
            startTagOpen = false;
        }
    }

    private void ascii(String s) throws XMLStreamException {
        for (int i = 0; i < s.length(); i++) {
            put((byte) s.charAt(i));
        }
    }

    private void raw(String s) throws XMLStreamException {
        if (!fromCache(s)) {
            encode(s, NO_ESCAPES);
            remember(s);
        }
    }

    /** Writes {@code s} in UTF-8, escaping the markup characters of text, and also the quote in an attribute value. */
    private void escaped(String s, boolean attribute) throws XMLStreamException {
        if (attribute) {
            // Attribute values are mostly names (NAME, TYPE, CLASSNAME) that recur in every instance.
            if (!fromCache(s)) {
                encode(s, ATTRIBUTE_ESCAPES);
                remember(s);
            }
        } else {
            encode(s, TEXT_ESCAPES);
        }
    }

    /** A short ASCII string without markup characters and its bytes (which are then the same in every mode). */
    private record Encoded(String string, byte[] bytes) {
    }

    private static final int CACHE_SIZE = 1024;
    private static final int CACHEABLE_LENGTH = 40;
    /**
     * Element and attribute names, and recurring attribute values (property names, types), already encoded: copying
     * their bytes is cheaper than encoding them char by char (a quarter of the CPU of a large enumeration). Each
     * string has two candidate slots by its hash; an entry, once in, stays (so two names that share a slot cannot
     * evict each other on every instance), and strings without a letter (message IDs, numbers) are not taken, so
     * they cannot fill the table. Shared by all writers; a slot holds one immutable entry, so a race only costs a
     * miss.
     */
    private static final Encoded[] CACHE = new Encoded[CACHE_SIZE];

    private static int firstSlot(int hash) {
        return hash & (CACHE_SIZE - 1);
    }

    private static int secondSlot(int hash) {
        return (hash >>> 10 ^ hash >>> 20) & (CACHE_SIZE - 1);
    }

    private boolean fromCache(String s) throws XMLStreamException {
        int hash = s.hashCode();
        Encoded e = CACHE[firstSlot(hash)];
        if (e == null || e.string != s && !e.string.equals(s)) {
            e = CACHE[secondSlot(hash)];
            if (e == null || e.string != s && !e.string.equals(s)) {
                return false;
            }
        }
        byte[] bytes = e.bytes;
        if (buffer.length - count < bytes.length) {
            flushBuffer();
        }
        System.arraycopy(bytes, 0, buffer, count, bytes.length);
        count += bytes.length;
        return true;
    }

    private static void remember(String s) {
        int length = s.length();
        int hash = s.hashCode();
        int slot = CACHE[firstSlot(hash)] == null ? firstSlot(hash)
                : CACHE[secondSlot(hash)] == null ? secondSlot(hash) : -1;
        if (length > CACHEABLE_LENGTH || slot < 0) {
            return;
        }
        boolean letter = false;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == '<' || c == '>' || c == '&' || c == '"') {
                return;
            }
            letter |= c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
        }
        if (letter) {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                bytes[i] = (byte) s.charAt(i);
            }
            CACHE[slot] = new Encoded(s, bytes);
        }
    }

    private static final int NO_ESCAPES = 0;
    private static final int TEXT_ESCAPES = 1;
    private static final int ATTRIBUTE_ESCAPES = 2;
    /** The most bytes one char can become: {@code &quot;}. */
    private static final int MAX_BYTES_PER_CHAR = 6;

    /**
     * The hot loop of every response: encodes {@code s} straight into the buffer, a slice of the string at a time
     * that is sure to fit, so the common ASCII character costs one array store without a bounds check of its own.
     */
    private void encode(String s, int escapes) throws XMLStreamException {
        int length = s.length();
        int i = 0;
        while (i < length) {
            if (buffer.length - count < MAX_BYTES_PER_CHAR) {
                flushBuffer();
            }
            int end = Math.min(length, i + (buffer.length - count) / MAX_BYTES_PER_CHAR);
            byte[] b = buffer;
            int n = count;
            for (; i < end; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    if (escapes != NO_ESCAPES && (c == '<' || c == '>' || c == '&' || c == '"')) {
                        n = markup(b, n, c, escapes == ATTRIBUTE_ESCAPES);
                    } else {
                        b[n++] = (byte) c;
                    }
                } else if (c < 0x800) {
                    b[n++] = (byte) (0xC0 | (c >> 6));
                    b[n++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    if (!Character.isHighSurrogate(c) || i + 1 >= length || !Character.isLowSurrogate(s.charAt(i + 1))) {
                        count = n;
                        throw new XMLStreamException("unpaired surrogate U+" + Integer.toHexString(c)
                                + " cannot be written");
                    }
                    // A pair takes 4 bytes for two chars, within the 6 set aside for the first one.
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[n++] = (byte) (0xF0 | (cp >> 18));
                    b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[n++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    b[n++] = (byte) (0xE0 | (c >> 12));
                    b[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    b[n++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            count = n;
        }
    }

    /** Writes one of {@code < > & "} as the JDK writer does: the quote is escaped in attribute values only. */
    private static int markup(byte[] b, int n, char c, boolean attribute) {
        String entity = switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            default -> attribute ? "&quot;" : null;
        };
        if (entity == null) {
            b[n++] = (byte) c;
            return n;
        }
        for (int k = 0; k < entity.length(); k++) {
            b[n++] = (byte) entity.charAt(k);
        }
        return n;
    }

    private void flushBuffer() throws XMLStreamException {
        try {
            drain();
        } catch (IOException e) {
            throw new XMLStreamException(e);
        }
    }

    private void put(byte b) throws XMLStreamException {
        if (count == buffer.length) {
            flushBuffer();
        }
        buffer[count++] = b;
    }

    private void drain() throws IOException {
        if (count > 0) {
            stream.write(buffer, 0, count);
            count = 0;
        }
    }

    // -- the namespace-aware part of StAX, which CIM-XML does not use

    private static XMLStreamException noNamespaces() {
        return new XMLStreamException("namespaces are not supported by the CIM-XML writer");
    }

    @Override
    public void writeStartElement(String namespaceURI, String localName) throws XMLStreamException {
        throw noNamespaces();
    }

    @Override
    public void writeStartElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
        throw noNamespaces();
    }

    @Override
    public void writeEmptyElement(String namespaceURI, String localName) throws XMLStreamException {
        throw noNamespaces();
    }

    @Override
    public void writeEmptyElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
        throw noNamespaces();
    }

    @Override
    public void writeAttribute(String prefix, String namespaceURI, String localName, String value)
            throws XMLStreamException {
        throw noNamespaces();
    }

    @Override
    public void writeAttribute(String namespaceURI, String localName, String value) throws XMLStreamException {
        throw noNamespaces();
    }

    @Override
    public void writeNamespace(String prefix, String namespaceURI) throws XMLStreamException {
        throw noNamespaces();
    }

    @Override
    public void writeDefaultNamespace(String namespaceURI) throws XMLStreamException {
        throw noNamespaces();
    }

    @Override
    public void writeProcessingInstruction(String target) throws XMLStreamException {
        writeProcessingInstruction(target, null);
    }

    @Override
    public void writeProcessingInstruction(String target, String data) throws XMLStreamException {
        closeStartTag();
        ascii("<?");
        raw(target);
        if (data != null) {
            put((byte) ' ');
            raw(data);
        }
        ascii("?>");
    }

    @Override
    public void writeDTD(String dtd) throws XMLStreamException {
        throw new XMLStreamException("CIM-XML responses carry no DTD");
    }

    @Override
    public void writeEntityRef(String name) throws XMLStreamException {
        closeStartTag();
        put((byte) '&');
        raw(name);
        put((byte) ';');
    }

    @Override
    public String getPrefix(String uri) {
        return null;
    }

    @Override
    public void setPrefix(String prefix, String uri) throws XMLStreamException {
        throw noNamespaces();
    }

    @Override
    public void setDefaultNamespace(String uri) throws XMLStreamException {
        throw noNamespaces();
    }

    @Override
    public void setNamespaceContext(NamespaceContext context) throws XMLStreamException {
        throw noNamespaces();
    }

    @Override
    public NamespaceContext getNamespaceContext() {
        return null;
    }

    @Override
    public Object getProperty(String name) {
        throw new IllegalArgumentException("no property " + name);
    }
}
