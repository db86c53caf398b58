package org.cimforge.runtime.server.dispatch;

import static org.cimforge.runtime.server.dispatch.OperationSupport.emptyToNull;
import static org.cimforge.runtime.server.dispatch.OperationSupport.invalidParameter;
import static org.cimforge.runtime.server.dispatch.PropertyFilters.filter;
import static org.cimforge.runtime.server.dispatch.PropertyFilters.stripOrigin;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.Spliterators;
import java.util.stream.StreamSupport;
import javax.xml.stream.XMLStreamWriter;
import org.cimforge.mof.model.CimClass;
import org.cimforge.runtime.query.Query;
import org.cimforge.runtime.spi.CimErrorException;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The DSP0200 pull family: OpenEnumerateInstances/Paths, OpenAssociatorInstances/Paths, OpenReferenceInstances/Paths,
 * OpenQueryInstances, the three Pull operations, CloseEnumeration and EnumerationCount, over {@link
 * EnumerationContexts}.
 */
final class PullOperations implements AutoCloseable {
    private static final long DEFAULT_PULL_TIMEOUT_SECONDS = 60;
    private static final long MAX_PULL_TIMEOUT_SECONDS = 3600;

    private final OperationSupport support;
    private final AssociationOperations associations;
    private final QueryOperations queries;
    /** Open pull enumerations the server holds at once, and per user (runtime/README, Security). */
    static final int MAX_CONTEXTS = 1_000;
    static final int MAX_CONTEXTS_PER_USER = 32;

    private final EnumerationContexts contexts = new EnumerationContexts(MAX_CONTEXTS, MAX_CONTEXTS_PER_USER);

    PullOperations(OperationSupport support, AssociationOperations associations, QueryOperations queries) {
        this.support = support;
        this.associations = associations;
        this.queries = queries;
    }

    private void checkOpenParameters(OperationRequest req) {
        String fql = emptyToNull(req.string("FilterQueryLanguage"));
        String fq = emptyToNull(req.string("FilterQuery"));
        if (fql != null || fq != null) {
            throw new CimErrorException(WBEMException.CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED,
                    "filtered enumerations are not supported");
        }
        rejectContinueOnError(req);
    }

    private static void rejectContinueOnError(OperationRequest req) {
        if (req.bool("ContinueOnError", false)) {
            throw new CimErrorException(WBEMException.CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED,
                    "ContinueOnError is not supported");
        }
    }

    private static long timeoutMillis(OperationRequest req) {
        Long t = req.uint32("OperationTimeout");
        long seconds = t == null || t == 0 ? DEFAULT_PULL_TIMEOUT_SECONDS : t;
        if (seconds > MAX_PULL_TIMEOUT_SECONDS) {
            throw new CimErrorException(WBEMException.CIM_ERR_INVALID_OPERATION_TIMEOUT,
                    "OperationTimeout above " + MAX_PULL_TIMEOUT_SECONDS + " s is not supported");
        }
        return seconds * 1000;
    }

    private static int maxObjectCount(OperationRequest req, boolean required) {
        Long m = req.uint32("MaxObjectCount");
        if (m == null) {
            if (required) {
                throw invalidParameter("MaxObjectCount is required");
            }
            return 0;
        }
        return (int) Math.min(m, Integer.MAX_VALUE);
    }

    Reply openEnumerateInstances(OperationRequest req, boolean paths) throws WBEMException {
        checkOpenParameters(req);
        long timeout = timeoutMillis(req);
        int max = maxObjectCount(req, false);
        String name = req.className("ClassName", true);
        CimClass base = support.requireClass(req, name);
        boolean deep = req.bool("DeepInheritance", true);
        boolean origin = req.bool("IncludeClassOrigin", false);
        Set<String> props = paths ? null : req.propertyList("PropertyList");
        CimClass limit = deep ? null : base;
        InstanceSource source = support.collect(req, base, paths);
        // The context keeps the lazy source: instances are produced pull by pull, never all at Open.
        Iterator<Object> results = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Object next() {
                CIMInstance i = source.next();
                return paths ? i.getObjectPath() : stripOrigin(filter(i, props, limit), origin);
            }
        };
        EnumerationContexts.Kind kind = paths ? EnumerationContexts.Kind.PATHS : EnumerationContexts.Kind.INSTANCES;
        return pullFrom(req, contexts.open(req.context.user(), req.namespace, kind, results, source.size(), source,
                timeout), max);
    }

    Reply openAssociation(OperationRequest req, boolean paths, boolean references) throws WBEMException {
        checkOpenParameters(req);
        long timeout = timeoutMillis(req);
        int max = maxObjectCount(req, false);
        List<Object> results = associations.results(req, "InstanceName", paths, references);
        EnumerationContexts.Kind kind = paths ? EnumerationContexts.Kind.PATHS : EnumerationContexts.Kind.INSTANCES;
        return pullFrom(req, contexts.open(req.context.user(), req.namespace, kind, results.iterator(),
                results.size(), null, timeout),
                max);
    }

    /**
     * OpenQueryInstances: the results of ExecQuery as a pull enumeration of instances without paths, continued with
     * PullInstances. Matching runs lazily, pull by pull, over the same provider streams as OpenEnumerateInstances.
     */
    Reply openQueryInstances(OperationRequest req) throws WBEMException {
        rejectContinueOnError(req);
        if (req.bool("ReturnQueryResultClass", false)) {
            throw new CimErrorException(WBEMException.CIM_ERR_NOT_SUPPORTED,
                    "ReturnQueryResultClass is not supported; call with ReturnQueryResultClass FALSE");
        }
        long timeout = timeoutMillis(req);
        int max = maxObjectCount(req, false);
        QueryOperations.ParsedQuery parsed = queries.parse(req, "FilterQueryLanguage", "FilterQuery");
        InstanceSource source = support.collect(req, parsed.base());
        Query query = parsed.query();
        Iterator<Object> results = StreamSupport
                .stream(Spliterators.spliteratorUnknownSize(source, 0), false)
                .filter(i -> query.matches(i, parsed.hierarchy()))
                .<Object>map(i -> stripOrigin(query.project(i), false))
                .iterator();
        // The size is unknown until the last match, so EnumerationCount answers NULL for a query.
        return pullFrom(req, contexts.open(req.context.user(), req.namespace,
                EnumerationContexts.Kind.QUERY_INSTANCES, results, -1,
                source, timeout), max);
    }

    Reply pull(OperationRequest req, EnumerationContexts.Kind kind) {
        String id = req.string("EnumerationContext");
        int max = maxObjectCount(req, true);
        return pullFrom(req, contexts.take(req.context.user(), id, req.namespace, kind), max);
    }

    /**
     * Writes up to {@code max} results of a context, taking them from its iterator while writing, then
     * EnumerationContext and EndOfSequence. The context is marked busy meanwhile so the expiry sweep leaves it.
     */
    private Reply pullFrom(OperationRequest req, EnumerationContexts.Context ctx, int max) {
        boolean paths = ctx.kind == EnumerationContexts.Kind.PATHS;
        return Reply.respond(req, true, w -> {
            XMLStreamWriter x = w.stax();
            boolean end;
            synchronized (ctx) {
                ctx.busy = true;
                try {
                    x.writeStartElement("IRETURNVALUE");
                    int n = 0;
                    while (n < max && ctx.remaining.hasNext()) {
                        Object o = ctx.remaining.next();
                        n++;
                        if (paths) {
                            w.instancePath((CIMObjectPath) o, req.namespace);
                        } else if (ctx.kind == EnumerationContexts.Kind.QUERY_INSTANCES) {
                            w.instance((CIMInstance) o, req.namespace);
                        } else {
                            CIMInstance i = (CIMInstance) o;
                            x.writeStartElement("VALUE.INSTANCEWITHPATH");
                            w.instancePath(i.getObjectPath(), req.namespace);
                            w.instance(i, req.namespace);
                            x.writeEndElement();
                        }
                    }
                    x.writeEndElement();
                    ctx.delivered += n;
                    end = !ctx.remaining.hasNext();
                } finally {
                    ctx.touch();
                    ctx.busy = false;
                }
            }
            if (end) {
                contexts.close(ctx.id);
            }
            // PARAMTYPE on both is required by the SBLIM client (it casts the values by their declared type).
            w.typedValue("PARAMVALUE", "EnumerationContext", CIMDataType.STRING_T, end ? "" : ctx.id,
                    req.namespace);
            w.typedValue("PARAMVALUE", "EndOfSequence", CIMDataType.BOOLEAN_T, Boolean.valueOf(end),
                    req.namespace);
        });
    }

    Reply closeEnumeration(OperationRequest req) {
        String id = req.string("EnumerationContext");
        contexts.take(req.context.user(), id, req.namespace, null);
        contexts.close(id);
        return Reply.empty(req);
    }

    Reply enumerationCount(OperationRequest req) {
        String id = req.string("EnumerationContext");
        EnumerationContexts.Context ctx = contexts.take(req.context.user(), id, req.namespace, null);
        long count;
        synchronized (ctx) {
            count = ctx.total < 0 ? -1 : ctx.total - ctx.delivered;
        }
        if (count < 0) {
            // The providers stream without knowing their size: the count is NULL, which DSP0200 allows.
            return Reply.list(req, w -> { });
        }
        return Reply.list(req, w -> w.value(new UnsignedInteger64(BigInteger.valueOf(count)), req.namespace));
    }

    /** Number of pull enumerations currently open. */
    int open() {
        return contexts.size();
    }

    /** Stops the expiry sweep and closes every open enumeration. */
    @Override
    public void close() {
        contexts.close();
    }
}
