package org.cimforge.runtime.indication;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cimforge.runtime.cimxml.CimXmlException;
import org.cimforge.runtime.cimxml.CimXmlParser;
import org.cimforge.runtime.cimxml.CimXmlWriter;
import org.cimforge.runtime.cimxml.XmlNode;
import org.metricshub.wbem.javax.cim.CIMInstance;

/** Writes DSP0201 ExportIndication requests and reads the listener's answer, with the runtime's own codec. */
final class ExportRequests {
    private ExportRequests() {
    }

    /** The body of an ExportIndication request carrying {@code indication} as NewIndication. */
    static byte[] exportIndication(String messageId, CIMInstance indication, String namespace, String host) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        CimXmlWriter w = CimXmlWriter.create(out, host);
        XMLStreamWriter x = w.stax();
        try {
            x.writeStartDocument("utf-8", "1.0");
            x.writeStartElement("CIM");
            x.writeAttribute("CIMVERSION", "2.0");
            x.writeAttribute("DTDVERSION", "2.0");
            x.writeStartElement("MESSAGE");
            x.writeAttribute("ID", messageId);
            x.writeAttribute("PROTOCOLVERSION", "1.0");
            x.writeStartElement("SIMPLEEXPREQ");
            x.writeStartElement("EXPMETHODCALL");
            x.writeAttribute("NAME", "ExportIndication");
            x.writeStartElement("EXPPARAMVALUE");
            x.writeAttribute("NAME", "NewIndication");
            w.instance(indication, namespace);
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an ExportIndication request: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * Null when a listener's 200 answer reports success (an EXPMETHODRESPONSE without ERROR), otherwise what went
     * wrong: a listener may answer 200 and still refuse the indication with an ERROR element.
     */
    static String failureIn(String body) {
        XmlNode root;
        try {
            root = CimXmlParser.parse(body);
        } catch (CimXmlException | IllegalArgumentException e) {
            return "the listener's answer is not CIM-XML: " + e.getMessage();
        }
        XmlNode message = root.child("MESSAGE");
        XmlNode response = message == null ? null : message.child("SIMPLEEXPRSP");
        XmlNode method = response == null ? null : response.child("EXPMETHODRESPONSE");
        if (method == null) {
            return "the listener's answer has no SIMPLEEXPRSP/EXPMETHODRESPONSE";
        }
        XmlNode error = method.child("ERROR");
        if (error != null) {
            return "the listener answered ERROR " + error.attr("CODE")
                    + (error.attr("DESCRIPTION") == null ? "" : " (" + error.attr("DESCRIPTION") + ")");
        }
        return null;
    }
}
