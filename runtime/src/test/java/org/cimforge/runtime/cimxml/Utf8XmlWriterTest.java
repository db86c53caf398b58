package org.cimforge.runtime.cimxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;

/** The server's own StAX writer must write exactly the bytes the JDK's writer writes for the same calls. */
class Utf8XmlWriterTest {
    private static final XMLOutputFactory JDK = XMLOutputFactory.newDefaultFactory();

    /** One sequence of StAX calls, replayed on both writers. */
    @FunctionalInterface
    interface Calls {
        void on(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String[] both(Calls calls) throws Exception {
        ByteArrayOutputStream jdk = new ByteArrayOutputStream();
        XMLStreamWriter reference = JDK.createXMLStreamWriter(jdk, "UTF-8");
        calls.on(reference);
        reference.flush();
        ByteArrayOutputStream own = new ByteArrayOutputStream();
        XMLStreamWriter ours = new Utf8XmlWriter(own);
        calls.on(ours);
        ours.flush();
        return new String[] {jdk.toString(StandardCharsets.ISO_8859_1), own.toString(StandardCharsets.ISO_8859_1)};
    }

    private static void assertSameBytes(Calls calls) throws Exception {
        String[] out = both(calls);
        assertThat(out[1]).isEqualTo(out[0]);
    }

    @Test
    void envelopeEmptyAndNestedElementsMatchTheJdkWriter() throws Exception {
        assertSameBytes(w -> {
            w.writeStartDocument("utf-8", "1.0");
            w.writeStartElement("CIM");
            w.writeAttribute("CIMVERSION", "2.0");
            w.writeStartElement("MESSAGE");
            w.writeEmptyElement("NAMESPACE");
            w.writeAttribute("NAME", "root");
            w.writeEmptyElement("VALUE.NULL");
            w.writeStartElement("VALUE");
            w.writeEndElement();
            w.writeStartElement("HOST");
            w.writeCharacters("h");
            w.writeEndElement();
            w.writeEmptyElement("LAST");
            w.writeEndDocument();
        });
    }

    @Test
    void everyBmpCharacterAndSupplementaryPairsAreEscapedAndEncodedLikeTheJdkWriter() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0x09; c < 0xD800; c++) {
            all.append(c);
        }
        for (char c = 0xE000; c < 0xFFFE; c++) {
            all.append(c);
        }
        all.append("\uD83D\uDE00 \uDBFF\uDFFF \uD800\uDC00");
        String text = all.toString();
        assertSameBytes(w -> {
            w.writeStartElement("VALUE");
            w.writeAttribute("NAME", text);
            w.writeCharacters(text);
            w.writeEndElement();
        });
    }

    @Test
    void randomMarkupHeavyStringsMatchTheJdkWriter() throws Exception {
        SplittableRandom random = new SplittableRandom(28);
        String alphabet = "<>&\"' \t\n\raZ09é€\u00A0]]>";
        for (int round = 0; round < 200; round++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = s.toString();
            assertSameBytes(w -> {
                w.writeStartElement("P");
                w.writeAttribute("A", value);
                w.writeStartElement("VALUE");
                w.writeCharacters(value);
                w.writeEndElement();
                w.writeEndElement();
            });
        }
    }

    @Test
    void namesAndValuesWrittenAgainFromTheEncodedCacheStayByteIdentical() throws Exception {
        // The writer keeps the bytes of short names and attribute values; writing them again, as equal strings that
        // are other objects, as values that need escaping, and many distinct ones (more than the cache holds) must
        // give exactly what the JDK writer gives.
        SplittableRandom random = new SplittableRandom(2028);
        String[] names = {"PROPERTY", "NAME", "TYPE", "uint16", "Caption", "ElementName", "a&b", "x<y", "q\"t", "é",
            "12", "2.0", "Z", "VALUE.ARRAY", "KEYBINDING"};
        for (int round = 0; round < 50; round++) {
            // Drawn once, so both writers get the same calls.
            int[] picks = random.ints(3_000, 0, names.length).toArray();
            int[] numbers = random.ints(3_000, 0, 100_000).toArray();
            assertSameBytes(w -> {
                w.writeStartElement("ROOT");
                for (int i = 0; i < picks.length; i++) {
                    String name = names[picks[i]];
                    String copy = new String(name.toCharArray());
                    String distinct = "N" + numbers[i];
                    w.writeStartElement(copy.equals("é") || copy.contains("<") || copy.contains("&")
                            || copy.contains("\"") || copy.equals("12") || copy.equals("2.0") ? "E" : copy);
                    w.writeAttribute("NAME", name);
                    w.writeAttribute(distinct, copy);
                    w.writeCharacters(name);
                    w.writeEndElement();
                }
                w.writeEndElement();
            });
        }
    }

    @Test
    void aFullInstanceWithAnEmbeddedOneIsByteIdenticalToTheJdkWriter() throws Exception {
        CIMObjectPath path = new CIMObjectPath(null, null, null, "root/a", "X", new CIMProperty<?>[] {
            new CIMProperty<>("Id", CIMDataType.STRING_T, "a \"<&>\" b", true, false, null)});
        CIMInstance embedded = new CIMInstance(new CIMObjectPath(null, null, null, "root/a", "Z", null), new CIMProperty<?>[] {
            new CIMProperty<>("B", CIMDataType.BOOLEAN_T, Boolean.TRUE)});
        CIMInstance instance = new CIMInstance(path, new CIMProperty<?>[] {
            new CIMProperty<>("Id", CIMDataType.STRING_T, "a \"<&>\" b", true, false, null),
            new CIMProperty<>("Name", CIMDataType.STRING_T, "Grüße € \uD83D\uDE00"),
            new CIMProperty<>("Codes", CIMDataType.UINT16_ARRAY_T,
                    new UnsignedInteger16[] {new UnsignedInteger16(2), null}),
            new CIMProperty<>("Size", CIMDataType.UINT64_T, new UnsignedInteger64("18446744073709551615")),
            new CIMProperty<>("When", CIMDataType.DATETIME_T, new CIMDateTimeAbsolute("20240131120005.123456+000")),
            new CIMProperty<>("Empty", CIMDataType.STRING_T, null),
            new CIMProperty<>("Inner", CIMDataType.OBJECT_T, embedded)});
        // The JDK side writes the embedded instance with the server's writer too (as CimXmlWriter does for any
        // outer writer), so this compares the outer document, escaping of the embedded text included.
        assertSameBytes(w -> {
            CimXmlWriter cim = new CimXmlWriter(w, "host");
            cim.startResponse("7");
            cim.instancePath(path, "root/a");
            cim.instance(instance, "root/a");
            cim.endResponse();
        });
    }

    @Test
    void anUnpairedSurrogateIsRefusedRatherThanWrittenAsBrokenUtf8() {
        assertThatThrownBy(() -> {
            XMLStreamWriter w = new Utf8XmlWriter(new ByteArrayOutputStream());
            w.writeStartElement("V");
            w.writeCharacters("a\uD800b");
        }).isInstanceOf(XMLStreamException.class).hasMessageContaining("surrogate");
    }

    @Test
    void namespacesAreRefused() {
        assertThatThrownBy(() -> new Utf8XmlWriter(new ByteArrayOutputStream()).writeStartElement("urn:x", "A"))
                .isInstanceOf(XMLStreamException.class);
    }
}
