package org.cimforge.runtime.server.dispatch;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cimforge.runtime.cimxml.CimXmlWriter;
import org.metricshub.wbem.javax.cim.CIMInstance;

/** A response ready to be written; lazy parts (enumerations) run while it is written. */
@FunctionalInterface
interface Reply {
    void write(OutputStream out) throws XMLStreamException, IOException;

    /** Writes the content of a response element. */
    @FunctionalInterface
    interface Body {
        void write(CimXmlWriter w) throws XMLStreamException;
    }

    /** Writes one streamed instance into IRETURNVALUE. */
    @FunctionalInterface
    interface InstanceBody {
        void write(CimXmlWriter w, CIMInstance instance) throws XMLStreamException;
    }

    /** An IMETHODRESPONSE (intrinsic) or METHODRESPONSE around {@code body}. */
    static Reply respond(OperationRequest req, boolean intrinsic, Body body) {
        return out -> {
            CimXmlWriter w = CimXmlWriter.create(out, req.host);
            w.startResponse(req.id);
            XMLStreamWriter x = w.stax();
            x.writeStartElement(intrinsic ? "IMETHODRESPONSE" : "METHODRESPONSE");
            x.writeAttribute("NAME", req.method);
            body.write(w);
            x.writeEndElement();
            w.endResponse();
        };
    }

    /** An ERROR element in the response kind the request calls for. */
    static Reply error(OperationRequest req, int code, String message) {
        return respond(req, req.intrinsic(), w -> w.error(code, message));
    }

    /** An intrinsic response whose IRETURNVALUE holds what {@code items} writes. */
    static Reply list(OperationRequest req, Body items) {
        return respond(req, true, w -> {
            w.stax().writeStartElement("IRETURNVALUE");
            items.write(w);
            w.stax().writeEndElement();
        });
    }

    /** An intrinsic response without a return value. */
    static Reply empty(OperationRequest req) {
        return respond(req, true, w -> { });
    }

    /**
     * An IRETURNVALUE written while the instances are pulled from the providers, so memory does not grow with the
     * size of the result; the source is closed when the response is done.
     */
    static Reply streamed(OperationRequest req, InstanceSource source, InstanceBody each) {
        return respond(req, true, w -> {
            try (source) {
                w.stax().writeStartElement("IRETURNVALUE");
                while (source.hasNext()) {
                    each.write(w, source.next());
                }
                w.stax().writeEndElement();
            }
        });
    }
}
