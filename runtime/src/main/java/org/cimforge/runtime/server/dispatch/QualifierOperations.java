package org.cimforge.runtime.server.dispatch;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.cimforge.runtime.cimxml.CimXmlWriter;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimErrorException;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** GetQualifier and EnumerateQualifiers: the qualifier declarations of a namespace. */
final class QualifierOperations {
    private final CimClassRepository repository;

    QualifierOperations(OperationSupport support) {
        this.repository = support.repository;
    }

    Reply getQualifier(OperationRequest req) {
        String name = req.string("QualifierName");
        if (name == null || name.isEmpty()) {
            throw OperationSupport.invalidParameter("QualifierName is required");
        }
        CimClassRepository.QualifierDeclaration q = repository.qualifierDeclaration(req.namespace, name);
        if (q == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_NOT_FOUND,
                    "qualifier " + name + " is not declared in " + req.namespace);
        }
        return Reply.list(req, w -> writeDeclaration(w, q));
    }

    Reply enumerateQualifiers(OperationRequest req) {
        List<CimClassRepository.QualifierDeclaration> all = repository.qualifierDeclarations(req.namespace);
        return Reply.list(req, w -> {
            for (CimClassRepository.QualifierDeclaration q : all) {
                writeDeclaration(w, q);
            }
        });
    }

    private static void writeDeclaration(CimXmlWriter w, CimClassRepository.QualifierDeclaration q)
            throws XMLStreamException {
        w.qualifierDeclaration(q.name(), q.type(), q.defaultValue(), q.scopes(), q.overridable(), q.toSubclass(),
                q.translatable());
    }
}
