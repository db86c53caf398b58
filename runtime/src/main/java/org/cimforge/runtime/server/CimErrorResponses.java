package org.cimforge.runtime.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLStreamException;
import org.cimforge.runtime.cimxml.CimXmlParser;
import org.cimforge.runtime.cimxml.CimXmlWriter;
import org.cimforge.runtime.cimxml.XmlNode;
import org.cimforge.runtime.server.dispatch.CimDispatcher;

/** Builds an ERROR response for a request whose operation could not produce one itself (timeouts, crashes). */
final class CimErrorResponses {
    private CimErrorResponses() {
    }

    static byte[] failed(CimDispatcher.Headers headers, int code, String description, byte[] requestBody) {
        String id = "0";
        String name = headers.cimMethod() == null ? "" : headers.cimMethod();
        boolean intrinsic = true;
        try {
            XmlNode root = CimXmlParser.parse(new ByteArrayInputStream(requestBody));
            XmlNode message = root.child("MESSAGE");
            id = message.requiredAttr("ID");
            XmlNode simple = message.child("SIMPLEREQ");
            XmlNode call = simple.child("IMETHODCALL") != null ? simple.child("IMETHODCALL")
                    : simple.child("METHODCALL");
            intrinsic = call.name().equals("IMETHODCALL");
            name = call.requiredAttr("NAME");
        } catch (RuntimeException e) {
            // keep the header values
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            CimXmlWriter w = CimXmlWriter.create(bytes, "localhost");
            w.startResponse(id);
            w.stax().writeStartElement(intrinsic ? "IMETHODRESPONSE" : "METHODRESPONSE");
            w.stax().writeAttribute("NAME", name);
            w.error(code, description);
            w.stax().writeEndElement();
            w.endResponse();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
