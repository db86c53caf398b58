package org.cimforge.runtime.cimxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.junit.jupiter.api.Test;

class CimXmlCodecTest {
    private final CimXmlDecoder decoder = new CimXmlDecoder(TypeLookup.NONE);

    @Test
    void acceptsAllReferenceForms() {
        String[] forms = {
            "<VALUE.REFERENCE><INSTANCENAME CLASSNAME=\"X\"><KEYBINDING NAME=\"K\"><KEYVALUE>1</KEYVALUE></KEYBINDING>"
                + "</INSTANCENAME></VALUE.REFERENCE>",
            "<VALUE.REFERENCE><LOCALINSTANCEPATH><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"a\"/>"
                + "</LOCALNAMESPACEPATH><INSTANCENAME CLASSNAME=\"X\"><KEYBINDING NAME=\"K\"><KEYVALUE>1</KEYVALUE>"
                + "</KEYBINDING></INSTANCENAME></LOCALINSTANCEPATH></VALUE.REFERENCE>",
            "<VALUE.REFERENCE><INSTANCEPATH><NAMESPACEPATH><HOST>h</HOST><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/>"
                + "<NAMESPACE NAME=\"a\"></NAMESPACE></LOCALNAMESPACEPATH></NAMESPACEPATH><INSTANCENAME CLASSNAME=\"X\">"
                + "<KEYBINDING NAME=\"K\"><KEYVALUE VALUETYPE=\"string\">1</KEYVALUE></KEYBINDING></INSTANCENAME>"
                + "</INSTANCEPATH></VALUE.REFERENCE>"};
        for (String form : forms) {
            CIMObjectPath p = decoder.objectPath(CimXmlParser.parse(form), "root/a");
            assertThat(p.getObjectName()).isEqualTo("X");
            assertThat(p.getNamespace()).isEqualTo("root/a");
            assertThat(p.getKeyValue("K")).isEqualTo("1");
        }
        CIMObjectPath cls = decoder.objectPath(CimXmlParser.parse("<VALUE.REFERENCE><LOCALCLASSPATH><LOCALNAMESPACEPATH>"
                + "<NAMESPACE NAME=\"b\"/></LOCALNAMESPACEPATH><CLASSNAME NAME=\"Y\"/></LOCALCLASSPATH></VALUE.REFERENCE>"),
                "root/a");
        assertThat(cls.getNamespace()).isEqualTo("b");
        assertThat(cls.getObjectName()).isEqualTo("Y");
    }

    @Test
    void instanceRoundTripsThroughWriterAndDecoder() throws Exception {
        String xml = "<INSTANCE CLASSNAME=\"X\"><PROPERTY NAME=\"S\" TYPE=\"string\"><VALUE>a&lt;b</VALUE></PROPERTY>"
                + "<PROPERTY.ARRAY NAME=\"A\" TYPE=\"uint16\"><VALUE.ARRAY><VALUE>1</VALUE><VALUE.NULL/><VALUE>0x10</VALUE>"
                + "</VALUE.ARRAY></PROPERTY.ARRAY><PROPERTY NAME=\"E\" TYPE=\"string\" EMBEDDEDOBJECT=\"instance\">"
                + "<VALUE>&lt;INSTANCE CLASSNAME=&quot;Z&quot;&gt;&lt;PROPERTY NAME=&quot;B&quot; TYPE=&quot;boolean"
                + "&quot;&gt;&lt;VALUE&gt;true&lt;/VALUE&gt;&lt;/PROPERTY&gt;&lt;/INSTANCE&gt;</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"N\" TYPE=\"sint8\"/></INSTANCE>";
        CIMInstance i = decoder.instance(CimXmlParser.parse(xml), "root/a");
        assertThat(i.getPropertyValue("S")).isEqualTo("a<b");
        assertThat((Object[]) i.getPropertyValue("A")).containsExactly(new UnsignedInteger16(1), null,
                new UnsignedInteger16(16));
        assertThat(i.getProperty("E").getDataType()).isEqualTo(CIMDataType.OBJECT_T);
        assertThat(((CIMInstance) i.getPropertyValue("E")).getPropertyValue("B")).isEqualTo(Boolean.TRUE);
        assertThat(i.getPropertyValue("N")).isNull();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CimXmlWriter w = CimXmlWriter.create(out, "h");
        w.instance(i, "root/a");
        w.stax().flush();
        CIMInstance again = decoder.instance(CimXmlParser.parse(out.toString(StandardCharsets.UTF_8)), "root/a");
        assertThat(again.getPropertyValue("S")).isEqualTo("a<b");
        assertThat((Object[]) again.getPropertyValue("A")).containsExactly(new UnsignedInteger16(1), null,
                new UnsignedInteger16(16));
        assertThat(((CIMInstance) again.getPropertyValue("E")).getPropertyValue("B")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void uint64ValuesAreFormattedWithTheDigitsOfTheirBigInteger() {
        for (String digits : new String[] {"0", "1", "2048", "9223372036854775807", "9223372036854775808",
            "18446744073709551615"}) {
            assertThat(CimValues.format(new org.metricshub.wbem.javax.cim.UnsignedInteger64(digits)))
                    .isEqualTo(new java.math.BigInteger(digits).toString());
        }
    }

    @Test
    void doctypeAndExternalEntitiesAreRefused() {
        assertThatThrownBy(() -> CimXmlParser.parse("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]><x>&e;</x>")).isInstanceOf(CimXmlException.class);
        assertThatThrownBy(() -> CimXmlParser.parse("<x><y></x>")).isInstanceOfSatisfying(CimXmlException.class,
                e -> assertThat(e.cimError()).isEqualTo("request-not-well-formed"));
    }

    @Test
    void badValuesAreIllegalArguments() {
        assertThatThrownBy(() -> CimValues.parse(CIMDataType.UINT8, "300")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> CimValues.parse(CIMDataType.BOOLEAN, "yes")).isInstanceOf(
                IllegalArgumentException.class);
        assertThat(CimValues.parse(CIMDataType.SINT16, "-0x10")).isEqualTo((short) -16);
    }
}
