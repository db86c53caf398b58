package org.cimforge.runtime.indication;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;
import org.cimforge.runtime.cimxml.CimXmlDecoder;
import org.cimforge.runtime.cimxml.CimXmlParser;
import org.cimforge.runtime.cimxml.CimXmlWriter;
import org.cimforge.runtime.cimxml.TypeLookup;
import org.metricshub.wbem.javax.cim.CIMInstance;

/** Serializes an instance with its path as a CIM-XML VALUE.NAMEDINSTANCE, with the runtime's own codec. */
final class InstanceXml {
    private InstanceXml() {
    }

    static String write(CIMInstance instance, String namespace, String host) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CimXmlWriter w = CimXmlWriter.create(out, host);
        try {
            w.stax().writeStartElement("VALUE.NAMEDINSTANCE");
            w.instanceName(instance.getObjectPath());
            w.instance(instance, namespace);
            w.stax().writeEndElement();
            w.stax().flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot serialize " + instance.getObjectPath(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static CIMInstance read(String xml, String namespace, TypeLookup types) {
        return new CimXmlDecoder(types).namedInstance(CimXmlParser.parse(xml), namespace);
    }
}
