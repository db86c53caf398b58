package org.cimforge.runtime.server.dispatch;

import static org.cimforge.runtime.server.dispatch.PropertyFilters.stripOrigin;

import org.cimforge.mof.model.CimClass;
import org.cimforge.runtime.query.ClassHierarchy;
import org.cimforge.runtime.query.Query;
import org.cimforge.runtime.query.QueryException;
import org.cimforge.runtime.query.QueryLanguage;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimErrorException;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * ExecQuery with the query subset of {@link Query} (WQL or DMTF:CQL), and the query parsing that OpenQueryInstances
 * shares with it.
 */
final class QueryOperations {
    private final OperationSupport support;
    private final CimClassRepository repository;

    QueryOperations(OperationSupport support) {
        this.support = support;
        this.repository = support.repository;
    }

    /** A query parsed from the request, with the class it selects from and the class test it matches with. */
    record ParsedQuery(Query query, CimClass base, ClassHierarchy hierarchy) {
    }

    /**
     * The instances of the FROM class and its subclasses that satisfy WHERE, with only the selected properties (the
     * path keeps the keys), as VALUE.OBJECTWITHPATH. Instances are streamed as the providers give them, like
     * EnumerateInstances.
     */
    Reply execQuery(OperationRequest req) throws WBEMException {
        ParsedQuery parsed = parse(req, "QueryLanguage", "Query");
        Query query = parsed.query();
        ClassHierarchy hierarchy = parsed.hierarchy();
        CimClass base = parsed.base();
        InstanceSource source = support.collect(req, base);
        return Reply.streamed(req, source, (w, i) -> {
            if (query.matches(i, hierarchy)) {
                w.stax().writeStartElement("VALUE.OBJECTWITHPATH");
                w.instancePath(i.getObjectPath(), req.namespace);
                w.instance(stripOrigin(query.project(i), false), req.namespace);
                w.stax().writeEndElement();
            }
        });
    }

    /** Parses the query text and language of ExecQuery or OpenQueryInstances, answering the DSP0200 error codes. */
    ParsedQuery parse(OperationRequest req, String languageParameter, String queryParameter) {
        String language = req.string(languageParameter);
        String text = req.string(queryParameter);
        if (language == null || text == null || text.isBlank()) {
            throw new CimErrorException(WBEMException.CIM_ERR_INVALID_PARAMETER,
                    languageParameter + " and " + queryParameter + " are required");
        }
        QueryLanguage lang = QueryLanguage.byName(language);
        if (lang == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED, "query language '"
                    + language + "' is not supported; use WQL, DMTF:CQL or CIM:CQL");
        }
        Query query;
        try {
            query = Query.parse(text, lang);
        } catch (QueryException e) {
            throw new CimErrorException(WBEMException.CIM_ERR_INVALID_QUERY, queryParameter + " is not valid "
                    + lang.standardName() + " at column " + e.column() + ": " + e.reason());
        }
        CimClass base = repository.modelClass(req.namespace, query.fromClass());
        if (base == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_INVALID_QUERY, queryParameter + ": no class "
                    + query.fromClass() + " in namespace " + req.namespace);
        }
        String ns = req.namespace;
        ClassHierarchy hierarchy = (className, ancestor) -> className.equalsIgnoreCase(ancestor)
                || repository.isA(ns, className, ancestor);
        return new ParsedQuery(query, base, hierarchy);
    }
}
