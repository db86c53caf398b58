package org.cimforge.runtime.server.dispatch;

import static org.cimforge.runtime.server.dispatch.OperationSupport.describe;

import java.io.IOException;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamException;
import org.cimforge.mof.model.CimClass;
import org.cimforge.runtime.cimxml.CimXmlDecoder;
import org.cimforge.runtime.cimxml.CimXmlException;
import org.cimforge.runtime.cimxml.XmlNode;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimErrorException;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Executes one CIM-XML request message against the class repository and the registered providers, and renders the
 * response message. It decodes the envelope, hands the operation to its family (classes, qualifiers, instances,
 * query, associations, pull, methods) and writes the reply. Protocol problems surface as {@link CimXmlException};
 * everything else becomes an ERROR element.
 */
public final class CimDispatcher {
    private static final Logger LOG = Logger.getLogger(CimDispatcher.class.getName());

    private final CimClassRepository repository;
    private final CimXmlDecoder decoder;
    private final ClassOperations classes;
    private final QualifierOperations qualifiers;
    private final InstanceOperations instances;
    private final QueryOperations queries;
    private final AssociationOperations associations;
    private final PullOperations pulls;
    private final MethodOperations methods;
    private final OperationSupport support;

    /** A dispatcher over a repository and a provider registry. */
    public CimDispatcher(CimClassRepository repository, CimProviderRegistry providers) {
        this.repository = repository;
        this.support = new OperationSupport(repository, providers);
        this.decoder = support.decoder;
        this.classes = new ClassOperations(support);
        this.qualifiers = new QualifierOperations(support);
        this.instances = new InstanceOperations(support);
        this.queries = new QueryOperations(support);
        this.associations = new AssociationOperations(support);
        this.pulls = new PullOperations(support, associations, queries);
        this.methods = new MethodOperations(support);
    }

    /** The HTTP headers that must agree with the body (percent-encoded as received; may be null). */
    public record Headers(String cimMethod, String cimObject, String protocolVersion) {
    }

    /** Handles a parsed request and returns the UTF-8 response body (held in memory). */
    public byte[] dispatch(XmlNode root, Headers headers, String user, String host) {
        ResponseSink.InMemory out = new ResponseSink.InMemory();
        try {
            dispatch(root, headers, user, host, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.bytes();
    }

    /**
     * Handles a parsed request, writing the response body to {@code out} while it is produced. A failure while
     * writing turns into an ERROR response as long as nothing has been committed to the client.
     */
    public void dispatch(XmlNode root, Headers headers, String user, String host, ResponseSink out)
            throws IOException {
        dispatch(root, headers, user, host, null, out);
    }

    /**
     * Handles a parsed request for a client at {@code clientAddress} (its IP address; null when not known), which
     * providers see in their operation context.
     */
    public void dispatch(XmlNode root, Headers headers, String user, String host, String clientAddress,
                         ResponseSink out)
            throws IOException {
        prepare(root, headers, user, host, clientAddress).run(out);
    }

    /**
     * Decodes a request's envelope (protocol errors surface here as {@link CimXmlException}) without running it, so
     * the caller can first ask {@link Prepared#runsWithoutWaiting()} where to run it.
     */
    public Prepared prepare(XmlNode root, Headers headers, String user, String host, String clientAddress) {
        return new Prepared(decodeEnvelope(root, headers, user, host, clientAddress));
    }

    /** A request whose envelope is decoded and checked, ready to run once. */
    public final class Prepared {
        private final OperationRequest req;

        private Prepared(OperationRequest req) {
            this.req = req;
        }

        /**
         * True when the operation is known to finish without waiting for anything: GetClass (answered from the
         * repository in memory), and GetInstance of a class whose provider says {@link
         * org.cimforge.runtime.spi.CimInstanceProvider#nonBlocking()}. Both answer with one object, so their response
         * is small. Anything else, or anything unusual about the request, is false: the caller then runs it where
         * waiting is allowed.
         */
        public boolean runsWithoutWaiting() {
            if (!req.intrinsic()) {
                return false;
            }
            String method = req.method;
            if (method.equalsIgnoreCase("GetClass")) {
                return true;
            }
            if (!method.equalsIgnoreCase("GetInstance")) {
                return false;
            }
            try {
                XmlNode name = req.param("InstanceName");
                if (name == null || !name.name().equals("INSTANCENAME")) {
                    return false;
                }
                CimClass c = repository.modelClass(req.namespace, name.attr("CLASSNAME"));
                if (c == null) {
                    return false;
                }
                CimInstanceProvider p = support.providerFor(req, c);
                return p != null && p.nonBlocking();
            } catch (RuntimeException e) {
                return false;
            }
        }

        /** Runs the operation and writes its response (or its ERROR) to {@code out}. */
        public void run(ResponseSink out) throws IOException {
            execute(req, out);
        }

        /**
         * Runs the operation on a connection's I/O thread (after {@link #runsWithoutWaiting()} said it may), where a
         * provider that nevertheless takes long is reported in the log.
         */
        public void runOnIoThread(ResponseSink out) throws IOException {
            req.onIoThread = true;
            execute(req, out);
        }
    }

    private void execute(OperationRequest req, ResponseSink out) throws IOException {
        Reply reply;
        try {
            reply = req.intrinsic() ? intrinsic(req) : extrinsic(req);
        } catch (CimErrorException e) {
            reply = Reply.error(req, e.code(), e.getMessage());
        }
        try {
            reply.write(out);
        } catch (CimErrorException e) {
            if (!out.reset()) {
                throw e;
            }
            write(Reply.error(req, e.code(), e.getMessage()), out);
        } catch (CimXmlException e) {
            throw e;
        } catch (RuntimeException | XMLStreamException e) {
            Throwable cause = e instanceof XMLStreamException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof IOException io) {
                throw io;
            }
            if (!out.reset()) {
                throw new IOException("response aborted: " + describe(cause), cause);
            }
            LOG.log(Level.WARNING, "operation " + req.method + " failed while writing its response", e);
            write(Reply.error(req, WBEMException.CIM_ERR_FAILED, describe(cause)), out);
        }
    }

    /** Checks the CIM / MESSAGE / SIMPLEREQ envelope and the headers that must agree with it. */
    private OperationRequest decodeEnvelope(XmlNode root, Headers headers, String user, String host,
                                            String clientAddress) {
        if (!root.name().equals("CIM")) {
            throw CimXmlException.notValid("document element is <" + root.name() + ">, not <CIM>");
        }
        String cimVersion = root.attr("CIMVERSION");
        if (cimVersion == null || !cimVersion.startsWith("2.")) {
            throw new CimXmlException(501, "unsupported-cim-version", "CIMVERSION " + cimVersion);
        }
        String dtdVersion = root.attr("DTDVERSION");
        if (dtdVersion == null || !dtdVersion.startsWith("2.")) {
            throw new CimXmlException(501, "unsupported-dtd-version", "DTDVERSION " + dtdVersion);
        }
        XmlNode message = root.child("MESSAGE");
        if (message == null) {
            throw CimXmlException.notValid("<CIM> lacks <MESSAGE>");
        }
        String id = message.requiredAttr("ID");
        String protocol = message.requiredAttr("PROTOCOLVERSION");
        if (!protocol.startsWith("1.")) {
            throw new CimXmlException(501, "unsupported-protocol-version", "PROTOCOLVERSION " + protocol);
        }
        if (headers.protocolVersion() != null && !headers.protocolVersion().isBlank()
                && !headers.protocolVersion().trim().startsWith("1.")) {
            throw CimXmlException.headerMismatch("CIMProtocolVersion " + headers.protocolVersion());
        }
        if (message.child("MULTIREQ") != null) {
            throw CimXmlException.headerMismatch("MULTIREQ without a CIMBatch header is not accepted");
        }
        XmlNode simple = message.child("SIMPLEREQ");
        if (simple == null) {
            throw CimXmlException.notValid("<MESSAGE> lacks <SIMPLEREQ>");
        }
        XmlNode call = simple.child("IMETHODCALL") != null ? simple.child("IMETHODCALL") : simple.child("METHODCALL");
        if (call == null) {
            throw CimXmlException.notValid("<SIMPLEREQ> holds neither IMETHODCALL nor METHODCALL");
        }
        String name = call.requiredAttr("NAME");
        HeaderChecks.checkMethodHeader(headers.cimMethod(), name);
        boolean intrinsic = call.name().equals("IMETHODCALL");
        String namespace = intrinsic ? decoder.namespace(required(call, "LOCALNAMESPACEPATH"))
                : targetNamespace(call);
        HeaderChecks.checkObjectHeader(headers.cimObject(), namespace);
        return new OperationRequest(repository, decoder, id, name, namespace, user, host, clientAddress, call);
    }

    private static void write(Reply reply, OutputStream out) throws IOException {
        try {
            reply.write(out);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private String targetNamespace(XmlNode call) {
        XmlNode target = call.child("LOCALINSTANCEPATH") != null ? call.child("LOCALINSTANCEPATH")
                : call.child("LOCALCLASSPATH");
        if (target == null) {
            throw CimXmlException.notValid("<METHODCALL> lacks LOCALINSTANCEPATH or LOCALCLASSPATH");
        }
        return decoder.namespace(required(target, "LOCALNAMESPACEPATH"));
    }

    private static XmlNode required(XmlNode parent, String name) {
        XmlNode c = parent.child(name);
        if (c == null) {
            throw CimXmlException.notValid("<" + parent.name() + "> lacks <" + name + ">");
        }
        return c;
    }

    private Reply intrinsic(OperationRequest req) {
        support.requireNamespace(req);
        req.checkParameters();
        try {
            return switch (IntrinsicParameters.lowerCaseName(req.method)) {
                case "getclass" -> classes.getClass(req);
                case "enumerateclasses" -> classes.enumerateClasses(req, false);
                case "enumerateclassnames" -> classes.enumerateClasses(req, true);
                case "getinstance" -> instances.getInstance(req);
                case "enumerateinstances" -> instances.enumerateInstances(req, false);
                case "enumerateinstancenames" -> instances.enumerateInstances(req, true);
                case "createinstance" -> instances.createInstance(req);
                case "modifyinstance" -> instances.modifyInstance(req);
                case "deleteinstance" -> instances.deleteInstance(req);
                case "getproperty" -> instances.getProperty(req);
                case "setproperty" -> instances.setProperty(req);
                case "associators" -> associations.associators(req, false, false);
                case "associatornames" -> associations.associators(req, true, false);
                case "references" -> associations.associators(req, false, true);
                case "referencenames" -> associations.associators(req, true, true);
                case "getqualifier" -> qualifiers.getQualifier(req);
                case "enumeratequalifiers" -> qualifiers.enumerateQualifiers(req);
                case "openenumerateinstances" -> pulls.openEnumerateInstances(req, false);
                case "openenumerateinstancepaths" -> pulls.openEnumerateInstances(req, true);
                case "openassociatorinstances" -> pulls.openAssociation(req, false, false);
                case "openassociatorinstancepaths" -> pulls.openAssociation(req, true, false);
                case "openreferenceinstances" -> pulls.openAssociation(req, false, true);
                case "openreferenceinstancepaths" -> pulls.openAssociation(req, true, true);
                case "pullinstanceswithpath" -> pulls.pull(req, EnumerationContexts.Kind.INSTANCES);
                case "pullinstancepaths" -> pulls.pull(req, EnumerationContexts.Kind.PATHS);
                case "closeenumeration" -> pulls.closeEnumeration(req);
                case "enumerationcount" -> pulls.enumerationCount(req);
                case "execquery" -> queries.execQuery(req);
                case "openqueryinstances" -> pulls.openQueryInstances(req);
                case "pullinstances" -> pulls.pull(req, EnumerationContexts.Kind.QUERY_INSTANCES);
                default -> throw new CimErrorException(WBEMException.CIM_ERR_NOT_SUPPORTED,
                        "operation " + req.method + " is not supported");
            };
        } catch (WBEMException e) {
            return Reply.error(req, e.getID(), e.getMessage());
        } catch (CimErrorException | CimXmlException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "operation " + req.method + " failed", e);
            return Reply.error(req, WBEMException.CIM_ERR_FAILED, describe(e));
        }
    }

    private Reply extrinsic(OperationRequest req) {
        try {
            return methods.invoke(req);
        } catch (WBEMException e) {
            return Reply.error(req, e.getID(), e.getMessage());
        } catch (CimErrorException | CimXmlException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "method " + req.method + " failed", e);
            return Reply.error(req, WBEMException.CIM_ERR_FAILED, describe(e));
        }
    }

    /** Stops the expiry sweep and closes every open enumeration. */
    public void close() {
        pulls.close();
    }

    /** Number of pull enumerations currently open (for tests and monitoring). */
    public int openEnumerations() {
        return pulls.open();
    }
}
