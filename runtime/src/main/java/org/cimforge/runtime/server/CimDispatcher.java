package org.cimforge.runtime.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cimforge.mof.model.CimClass;
import org.cimforge.runtime.cimxml.CimValues;
import org.cimforge.runtime.cimxml.CimXmlDecoder;
import org.cimforge.runtime.cimxml.CimXmlException;
import org.cimforge.runtime.cimxml.CimXmlWriter;
import org.cimforge.runtime.cimxml.XmlNode;
import org.cimforge.runtime.query.ClassHierarchy;
import org.cimforge.runtime.query.Query;
import org.cimforge.runtime.query.QueryException;
import org.cimforge.runtime.query.QueryLanguage;
import org.cimforge.runtime.spi.CimAssociationProvider;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimErrorException;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimMethodProvider;
import org.cimforge.runtime.spi.CimMethodResult;
import org.cimforge.runtime.spi.CimOperationContext;
import org.cimforge.runtime.spi.CimPaths;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMParameter;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Executes one CIM-XML request message against the class repository and the registered providers, and renders the
 * response message. Protocol problems surface as {@link CimXmlException}; everything else becomes an ERROR element.
 */
public final class CimDispatcher {
    private static final Logger LOG = Logger.getLogger(CimDispatcher.class.getName());
    private static final long DEFAULT_PULL_TIMEOUT_SECONDS = 60;
    private static final long MAX_PULL_TIMEOUT_SECONDS = 3600;

    private final CimClassRepository repository;
    private final CimProviderRegistry providers;
    private final CimXmlDecoder decoder;
    private final EnumerationContexts contexts = new EnumerationContexts(10_000);

    /** A dispatcher over a repository and a provider registry. */
    public CimDispatcher(CimClassRepository repository, CimProviderRegistry providers) {
        this.repository = repository;
        this.providers = providers;
        this.decoder = new CimXmlDecoder(repository);
    }

    /** The HTTP headers that must agree with the body (percent-encoded as received; may be null). */
    public record Headers(String cimMethod, String cimObject, String protocolVersion) {
    }

    /** Handles a parsed request and returns the UTF-8 response body (held in memory). */
    public byte[] dispatch(XmlNode root, Headers headers, String user, String host) {
        ResponseStream out = ResponseStream.inMemory();
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
    void dispatch(XmlNode root, Headers headers, String user, String host, ResponseStream out) throws IOException {
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
        checkMethodHeader(headers.cimMethod(), name);
        boolean intrinsic = call.name().equals("IMETHODCALL");
        String namespace = intrinsic ? decoder.namespace(required(call, "LOCALNAMESPACEPATH"))
                : targetNamespace(call);
        checkObjectHeader(headers.cimObject(), namespace);
        Request req = new Request(id, name, namespace, user, host, call);
        Reply reply;
        try {
            reply = intrinsic ? intrinsic(req) : extrinsic(req);
        } catch (CimErrorException e) {
            reply = errorResponse(req, e.code(), e.getMessage());
        }
        try {
            reply.write(out);
        } catch (CimErrorException e) {
            if (!out.reset()) {
                throw e;
            }
            write(errorResponse(req, e.code(), e.getMessage()), out);
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
            write(errorResponse(req, WBEMException.CIM_ERR_FAILED, describe(cause)), out);
        }
    }

    private static void write(Reply reply, OutputStream out) throws IOException {
        try {
            reply.write(out);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void checkMethodHeader(String header, String bodyName) {
        if (header == null || header.isBlank()) {
            throw CimXmlException.headerMismatch("CIMMethod header is missing");
        }
        String decoded = decode(header.trim());
        // The SBLIM client sends CIMMethod SetQualifierType for a SetQualifier body; accept that one alias.
        boolean alias = decoded.equalsIgnoreCase("SetQualifierType") && bodyName.equalsIgnoreCase("SetQualifier");
        if (!decoded.equalsIgnoreCase(bodyName) && !alias) {
            throw CimXmlException.headerMismatch("CIMMethod header '" + decoded + "' does not match '" + bodyName
                    + "'");
        }
    }

    private static void checkObjectHeader(String header, String namespace) {
        if (header == null || header.isBlank()) {
            throw CimXmlException.headerMismatch("CIMObject header is missing");
        }
        String decoded = decode(header.trim());
        int colon = decoded.indexOf(':');
        String ns = colon < 0 ? decoded : decoded.substring(0, colon);
        int from = 0;
        int to = ns.length();
        while (from < to && ns.charAt(from) == '/') {
            from++;
        }
        while (to > from && ns.charAt(to - 1) == '/') {
            to--;
        }
        ns = ns.substring(from, to);
        // Only the namespace is compared: clients format key values in the header differently.
        if (!ns.equalsIgnoreCase(namespace)) {
            throw CimXmlException.headerMismatch("CIMObject header names namespace '" + ns + "' but the body '"
                    + namespace + "'");
        }
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw CimXmlException.headerMismatch("header value cannot be percent-decoded: " + value);
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

    // ---------------------------------------------------------------------------------------------------------------
    // request state and parameter access

    /** Writes the content of a response element. */
    @FunctionalInterface
    private interface Body {
        void write(CimXmlWriter w) throws XMLStreamException;
    }

    /** A response ready to be written; lazy parts (enumerations) run while it is written. */
    @FunctionalInterface
    private interface Reply {
        void write(OutputStream out) throws XMLStreamException, IOException;
    }

    private final class Request {
        final String id;
        final String method;
        final String namespace;
        final String host;
        final XmlNode call;
        final CimOperationContext context;
        final Map<String, XmlNode> params = new HashMap<>();

        Request(String id, String method, String namespace, String user, String host, XmlNode call) {
            this.id = id;
            this.method = method;
            this.host = host;
            this.call = call;
            String canonical = repository.canonicalNamespace(namespace);
            this.namespace = canonical == null ? namespace : canonical;
            this.context = new CimOperationContext(this.namespace, user, host);
            for (XmlNode p : call.children()) {
                if (p.name().equals("IPARAMVALUE")) {
                    params.put(p.requiredAttr("NAME").toLowerCase(Locale.ROOT), p);
                }
            }
        }

        /** The same request aimed at another served namespace (for references that cross namespaces). */
        Request in(String otherNamespace) {
            if (otherNamespace == null || otherNamespace.isEmpty() || otherNamespace.equalsIgnoreCase(namespace)
                    || repository.canonicalNamespace(otherNamespace) == null) {
                return this;
            }
            return new Request(id, method, otherNamespace, context.user(), host, call);
        }

        XmlNode param(String name) {
            XmlNode p = params.get(name.toLowerCase(Locale.ROOT));
            return p == null ? null : p.firstChild();
        }

        boolean bool(String name, boolean def) {
            XmlNode v = param(name);
            if (v == null) {
                return def;
            }
            if (!v.name().equals("VALUE")) {
                throw invalidParameter(name + " must be a boolean VALUE");
            }
            String t = v.text().trim();
            if (t.equalsIgnoreCase("true")) {
                return true;
            }
            if (t.equalsIgnoreCase("false")) {
                return false;
            }
            throw invalidParameter(name + " must be TRUE or FALSE, not '" + t + "'");
        }

        String string(String name) {
            XmlNode v = param(name);
            if (v == null) {
                return null;
            }
            if (!v.name().equals("VALUE")) {
                throw invalidParameter(name + " must be a VALUE");
            }
            return v.text().trim();
        }

        Long uint32(String name) {
            String s = string(name);
            if (s == null || s.isEmpty()) {
                return null;
            }
            try {
                long v = Long.parseLong(s);
                if (v < 0 || v > 0xFFFFFFFFL) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw invalidParameter(name + " must be a uint32, not '" + s + "'");
            }
        }

        String className(String name, boolean required) {
            XmlNode v = param(name);
            if (v == null) {
                if (required) {
                    throw invalidParameter(name + " is required");
                }
                return null;
            }
            if (!v.name().equals("CLASSNAME")) {
                throw invalidParameter(name + " must be a CLASSNAME");
            }
            return v.requiredAttr("NAME");
        }

        /** A PropertyList as lower-case names, or null when absent (meaning: all properties). */
        Set<String> propertyList(String name) {
            XmlNode v = param(name);
            if (v == null) {
                return null;
            }
            if (!v.name().equals("VALUE.ARRAY")) {
                throw invalidParameter(name + " must be a VALUE.ARRAY of property names");
            }
            Set<String> names = new HashSet<>();
            for (XmlNode e : v.children()) {
                names.add(e.text().trim().toLowerCase(Locale.ROOT));
            }
            return names;
        }

        CIMObjectPath instanceName(String name) {
            XmlNode v = param(name);
            if (v == null || !v.name().equals("INSTANCENAME")) {
                throw invalidParameter(name + " must be an INSTANCENAME");
            }
            return decode(() -> decoder.instanceName(v, namespace, null));
        }
    }

    private static CimErrorException invalidParameter(String message) {
        return new CimErrorException(WBEMException.CIM_ERR_INVALID_PARAMETER, message);
    }

    private static <T> T decode(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw invalidParameter(e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // response rendering

    private Reply respond(Request req, boolean intrinsic, Body body) {
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

    private Reply errorResponse(Request req, int code, String message) {
        boolean intrinsic = req.call.name().equals("IMETHODCALL");
        return respond(req, intrinsic, w -> w.error(code, message));
    }

    private Reply list(Request req, Body items) {
        return respond(req, true, w -> {
            w.stax().writeStartElement("IRETURNVALUE");
            items.write(w);
            w.stax().writeEndElement();
        });
    }

    private Reply voidResponse(Request req) {
        return respond(req, true, w -> { });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // intrinsic operations

    private Reply intrinsic(Request req) {
        if (repository.canonicalNamespace(req.namespace) == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_INVALID_NAMESPACE,
                    "namespace " + req.namespace + " is not served");
        }
        try {
            return switch (req.method.toLowerCase(Locale.ROOT)) {
                case "getclass" -> getClass(req);
                case "enumerateclasses" -> enumerateClasses(req, false);
                case "enumerateclassnames" -> enumerateClasses(req, true);
                case "getinstance" -> getInstance(req);
                case "enumerateinstances" -> enumerateInstances(req, false);
                case "enumerateinstancenames" -> enumerateInstances(req, true);
                case "createinstance" -> createInstance(req);
                case "modifyinstance" -> modifyInstance(req);
                case "deleteinstance" -> deleteInstance(req);
                case "getproperty" -> getProperty(req);
                case "setproperty" -> setProperty(req);
                case "associators" -> associators(req, false, false);
                case "associatornames" -> associators(req, true, false);
                case "references" -> associators(req, false, true);
                case "referencenames" -> associators(req, true, true);
                case "getqualifier" -> getQualifier(req);
                case "enumeratequalifiers" -> enumerateQualifiers(req);
                case "openenumerateinstances" -> openEnumerateInstances(req, false);
                case "openenumerateinstancepaths" -> openEnumerateInstances(req, true);
                case "openassociatorinstances" -> openAssociation(req, false, false);
                case "openassociatorinstancepaths" -> openAssociation(req, true, false);
                case "openreferenceinstances" -> openAssociation(req, false, true);
                case "openreferenceinstancepaths" -> openAssociation(req, true, true);
                case "pullinstanceswithpath" -> pull(req, EnumerationContexts.Kind.INSTANCES);
                case "pullinstancepaths" -> pull(req, EnumerationContexts.Kind.PATHS);
                case "closeenumeration" -> closeEnumeration(req);
                case "enumerationcount" -> enumerationCount(req);
                case "execquery" -> execQuery(req);
                case "openqueryinstances" -> openQueryInstances(req);
                case "pullinstances" -> pull(req, EnumerationContexts.Kind.QUERY_INSTANCES);
                default -> throw new CimErrorException(WBEMException.CIM_ERR_NOT_SUPPORTED,
                        "operation " + req.method + " is not supported");
            };
        } catch (WBEMException e) {
            return errorResponse(req, e.getID(), e.getMessage());
        } catch (CimErrorException | CimXmlException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "operation " + req.method + " failed", e);
            return errorResponse(req, WBEMException.CIM_ERR_FAILED, describe(e));
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * A ResultClass of an instance-level traversal may live in another namespace than the source object: SMI-S
     * clients ask {@code Associators(profile in root/interop, ResultClass=CIM_ComputerSystem)} and the systems are
     * served elsewhere. So it only has to be defined in some namespace of this server.
     */
    private void requireResultClass(Request req, String className) {
        if (repository.modelClass(req.namespace, className) != null) {
            return;
        }
        for (String namespace : repository.namespaces()) {
            if (repository.modelClass(namespace, className) != null) {
                return;
            }
        }
        requireClass(req, className);
    }

    /** The namespace a returned path lives in: its own when it names one, else the request's. */
    private static String namespaceOf(Request req, CIMObjectPath path) {
        String ns = path.getNamespace();
        return ns == null || ns.isEmpty() ? req.namespace : ns;
    }

    private CimClass requireClass(Request req, String className) {
        CimClass c = repository.modelClass(req.namespace, className);
        if (c == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_INVALID_CLASS,
                    "class " + className + " is not defined in " + req.namespace);
        }
        return c;
    }

    private Reply getClass(Request req) {
        String name = req.className("ClassName", true);
        CimClass model = requireClass(req, name);
        CIMClass c = repository.cimClass(req.namespace, model.name().spelling());
        boolean localOnly = req.bool("LocalOnly", true);
        boolean qualifiers = req.bool("IncludeQualifiers", true);
        boolean origin = req.bool("IncludeClassOrigin", false);
        Set<String> props = req.propertyList("PropertyList");
        return list(req, w -> w.cimClass(c, localOnly, qualifiers, origin, props));
    }

    private Reply enumerateClasses(Request req, boolean namesOnly) {
        String name = req.className("ClassName", false);
        boolean deep = req.bool("DeepInheritance", false);
        List<CimClass> classes;
        if (name == null) {
            classes = deep ? repository.schema(req.namespace).classes() : repository.rootClasses(req.namespace);
        } else {
            CimClass base = requireClass(req, name);
            String spelling = base.name().spelling();
            classes = deep ? repository.schema(req.namespace).allSubclasses(spelling)
                    : repository.schema(req.namespace).directSubclasses(spelling);
        }
        if (namesOnly) {
            return list(req, w -> {
                for (CimClass c : classes) {
                    w.className(c.name().spelling());
                }
            });
        }
        boolean localOnly = req.bool("LocalOnly", true);
        boolean qualifiers = req.bool("IncludeQualifiers", true);
        boolean origin = req.bool("IncludeClassOrigin", false);
        return list(req, w -> {
            for (CimClass c : classes) {
                w.cimClass(repository.cimClass(req.namespace, c.name().spelling()), localOnly, qualifiers, origin,
                        null);
            }
        });
    }

    private Reply getQualifier(Request req) {
        String name = req.string("QualifierName");
        if (name == null || name.isEmpty()) {
            throw invalidParameter("QualifierName is required");
        }
        CimClassRepository.QualifierDeclaration q = repository.qualifierDeclaration(req.namespace, name);
        if (q == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_NOT_FOUND,
                    "qualifier " + name + " is not declared in " + req.namespace);
        }
        return list(req, w -> writeDeclaration(w, q));
    }

    private Reply enumerateQualifiers(Request req) {
        List<CimClassRepository.QualifierDeclaration> all = repository.qualifierDeclarations(req.namespace);
        return list(req, w -> {
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

    /** The instance provider for a class: its own, or the nearest ancestor's. */
    private CimInstanceProvider providerFor(Request req, CimClass c) {
        for (CimClass k : c.lineage()) {
            CimInstanceProvider p = providers.instanceProvider(req.namespace, k.name().spelling());
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private CimInstanceProvider requireProvider(Request req, CimClass c) {
        CimInstanceProvider p = providerFor(req, c);
        if (p == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_NOT_SUPPORTED,
                    "no provider serves instances of " + c.name().spelling());
        }
        return p;
    }

    private CIMInstance fetch(Request req, CIMObjectPath name) throws WBEMException {
        CimClass c = requireClass(req, name.getObjectName());
        CimInstanceProvider p = providerFor(req, c);
        CIMInstance found = p == null ? null : p.getInstance(req.context, name);
        if (found == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_NOT_FOUND, "no instance " + name);
        }
        return complete(req, found);
    }

    private Reply getInstance(Request req) throws WBEMException {
        CIMObjectPath name = req.instanceName("InstanceName");
        CIMInstance found = fetch(req, name);
        boolean origin = req.bool("IncludeClassOrigin", false);
        Set<String> props = req.propertyList("PropertyList");
        CIMInstance shown = filter(found, props, null);
        return list(req, w -> w.instance(stripOrigin(shown, origin), req.namespace));
    }

    /**
     * The instances of a class and all its subclasses as one lazy sequence over the providers' streams (each
     * subclass from its own provider; a provider registered only for an ancestor serves the whole subtree). The
     * streams are opened here, so a provider that refuses fails the operation before anything is written.
     */
    private Source collect(Request req, CimClass base) throws WBEMException {
        List<CimClass> classes = new ArrayList<>();
        classes.add(base);
        classes.addAll(repository.schema(req.namespace).allSubclasses(base.name().spelling()));
        List<Stream<CIMInstance>> streams = new ArrayList<>();
        try {
            for (CimClass c : classes) {
                CimInstanceProvider p = providers.instanceProvider(req.namespace, c.name().spelling());
                if (p != null) {
                    streams.add(p.streamInstances(req.context, c.name().spelling()));
                }
            }
            if (streams.isEmpty()) {
                CimInstanceProvider p = providerFor(req, base);
                if (p != null) {
                    streams.add(p.streamInstances(req.context, base.name().spelling()));
                }
            }
        } catch (WBEMException | RuntimeException e) {
            streams.forEach(Stream::close);
            throw e;
        }
        return new Source(streams, i -> complete(req, i));
    }

    /** Several provider streams read one after the other through their spliterators (no buffering). */
    private static final class Source implements Iterator<CIMInstance>, AutoCloseable {
        private final List<Stream<CIMInstance>> streams;
        private final List<Iterator<CIMInstance>> iterators = new ArrayList<>();
        private final Function<CIMInstance, CIMInstance> finish;
        private final long size;
        private int index;

        Source(List<Stream<CIMInstance>> streams, Function<CIMInstance, CIMInstance> finish) {
            this.streams = streams;
            this.finish = finish;
            long total = 0;
            for (Stream<CIMInstance> s : streams) {
                Spliterator<CIMInstance> split = s.spliterator();
                long n = split.getExactSizeIfKnown();
                total = total < 0 || n < 0 ? -1 : total + n;
                iterators.add(Spliterators.iterator(split));
            }
            this.size = total;
        }

        /** The number of instances, or -1 when a stream does not know its size. */
        long size() {
            return size;
        }

        @Override
        public boolean hasNext() {
            while (index < iterators.size()) {
                if (iterators.get(index).hasNext()) {
                    return true;
                }
                index++;
            }
            return false;
        }

        @Override
        public CIMInstance next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CIMInstance i = iterators.get(index).next();
            if (i == null) {
                throw new IllegalStateException("a provider streamed a null instance");
            }
            return finish.apply(i);
        }

        @Override
        public void close() {
            streams.forEach(Stream::close);
        }
    }

    private Reply enumerateInstances(Request req, boolean namesOnly) throws WBEMException {
        String name = req.className("ClassName", true);
        CimClass base = requireClass(req, name);
        boolean deep = req.bool("DeepInheritance", true);
        boolean origin = req.bool("IncludeClassOrigin", false);
        Set<String> props = namesOnly ? null : req.propertyList("PropertyList");
        CimClass limit = deep ? null : base;
        Source source = collect(req, base);
        return streamInstances(req, source, (w, i) -> {
            if (namesOnly) {
                w.instanceName(i.getObjectPath());
            } else {
                w.stax().writeStartElement("VALUE.NAMEDINSTANCE");
                w.instanceName(i.getObjectPath());
                w.instance(stripOrigin(filter(i, props, limit), origin), req.namespace);
                w.stax().writeEndElement();
            }
        });
    }

    /** Writes one streamed instance into IRETURNVALUE. */
    private interface InstanceBody {
        void write(CimXmlWriter w, CIMInstance instance) throws XMLStreamException;
    }

    /**
     * An IRETURNVALUE written while the instances are pulled from the providers, so memory does not grow with the
     * size of the result; the source is closed when the response is done.
     */
    private Reply streamInstances(Request req, Source source, InstanceBody each) {
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

    /**
     * ExecQuery with the query subset of {@link Query} (WQL or DMTF:CQL): the instances of the FROM class and its
     * subclasses that satisfy WHERE, with only the selected properties (the path keeps the keys), as VALUE.OBJECTWITHPATH.
     * Instances are streamed as the providers give them, like EnumerateInstances.
     */
    private Reply execQuery(Request req) throws WBEMException {
        ParsedQuery parsed = parseQuery(req, "QueryLanguage", "Query");
        Query query = parsed.query();
        ClassHierarchy hierarchy = parsed.hierarchy();
        CimClass base = parsed.base();
        Source source = collect(req, base);
        return streamInstances(req, source, (w, i) -> {
            if (query.matches(i, hierarchy)) {
                w.stax().writeStartElement("VALUE.OBJECTWITHPATH");
                w.instancePath(i.getObjectPath(), req.namespace);
                w.instance(stripOrigin(query.project(i), false), req.namespace);
                w.stax().writeEndElement();
            }
        });
    }

    /** A query parsed from the request, with the class it selects from and the class test it matches with. */
    private record ParsedQuery(Query query, CimClass base, ClassHierarchy hierarchy) {
    }

    /** Parses the query text and language of ExecQuery or OpenQueryInstances, answering the DSP0200 error codes. */
    private ParsedQuery parseQuery(Request req, String languageParameter, String queryParameter) {
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

    /** Fills the namespace and keys of an instance's path from its class definition. */
    private CIMInstance complete(Request req, CIMInstance i) {
        CIMObjectPath p = i.getObjectPath();
        CIMProperty<?>[] keys = p == null ? new CIMProperty<?>[0] : p.getKeys();
        boolean hasNs = p != null && p.getNamespace() != null && !p.getNamespace().isEmpty();
        if (keys.length > 0 && hasNs) {
            return i;
        }
        if (keys.length == 0) {
            CimClass c = repository.modelClass(req.namespace, i.getClassName());
            List<CIMProperty<?>> derived = new ArrayList<>();
            if (c != null) {
                for (org.cimforge.mof.model.CimProperty k : c.keys()) {
                    CIMProperty<?> v = i.getProperty(k.name().spelling());
                    if (v != null) {
                        derived.add(new CIMProperty<>(v.getName(), v.getDataType(), v.getValue(), true, false, null));
                    }
                }
            } else {
                for (CIMProperty<?> v : i.getProperties()) {
                    if (v.isKey()) {
                        derived.add(v);
                    }
                }
            }
            keys = derived.toArray(new CIMProperty<?>[0]);
        }
        CIMObjectPath full = new CIMObjectPath(null, p == null ? null : p.getHost(), null, req.namespace,
                i.getClassName(), keys);
        return new CIMInstance(full, i.getProperties());
    }

    /**
     * Applies a PropertyList (null: all) and, when {@code onlyOf} is given (DeepInheritance FALSE), drops properties
     * that the requested class does not define. Key properties always stay.
     */
    private CIMInstance filter(CIMInstance i, Set<String> props, CimClass onlyOf) {
        if (props == null && onlyOf == null) {
            return i;
        }
        List<CIMProperty<?>> kept = new ArrayList<>();
        for (CIMProperty<?> p : i.getProperties()) {
            String lower = p.getName().toLowerCase(Locale.ROOT);
            if (onlyOf != null && onlyOf.property(p.getName()).isEmpty()) {
                continue;
            }
            if (props == null || props.contains(lower) || isKeyOf(i, p.getName())) {
                kept.add(p);
            }
        }
        return new CIMInstance(i.getObjectPath(), kept.toArray(new CIMProperty<?>[0]));
    }

    private static boolean isKeyOf(CIMInstance i, String property) {
        for (CIMProperty<?> k : i.getObjectPath().getKeys()) {
            if (k.getName().equalsIgnoreCase(property)) {
                return true;
            }
        }
        return false;
    }

    private static CIMInstance stripOrigin(CIMInstance i, boolean includeOrigin) {
        if (includeOrigin) {
            return i;
        }
        boolean any = false;
        for (CIMProperty<?> p : i.getProperties()) {
            any |= p.getOriginClass() != null || p.isPropagated();
        }
        if (!any) {
            return i;
        }
        CIMProperty<?>[] props = i.getProperties();
        CIMProperty<?>[] plain = new CIMProperty<?>[props.length];
        for (int k = 0; k < props.length; k++) {
            CIMProperty<?> p = props[k];
            plain[k] = new CIMProperty<>(p.getName(), p.getDataType(), p.getValue(), p.isKey(), false, null);
        }
        return new CIMInstance(i.getObjectPath(), plain);
    }

    private Reply createInstance(Request req) throws WBEMException {
        XmlNode node = req.param("NewInstance");
        if (node == null || !node.name().equals("INSTANCE")) {
            throw invalidParameter("NewInstance must be an INSTANCE");
        }
        CIMInstance instance = decode(() -> decoder.instance(node, req.namespace));
        CimClass c = requireClass(req, instance.getClassName());
        CIMObjectPath created = requireProvider(req, c).createInstance(req.context, instance);
        if (created == null) {
            created = complete(req, instance).getObjectPath();
        }
        CIMObjectPath path = created;
        return list(req, w -> w.instanceName(path));
    }

    private Reply modifyInstance(Request req) throws WBEMException {
        XmlNode node = req.param("ModifiedInstance");
        if (node == null || !node.name().equals("VALUE.NAMEDINSTANCE")) {
            throw invalidParameter("ModifiedInstance must be a VALUE.NAMEDINSTANCE");
        }
        CIMInstance instance = decode(() -> decoder.namedInstance(node, req.namespace));
        CimClass c = requireClass(req, instance.getClassName());
        Set<String> props = req.propertyList("PropertyList");
        String[] list = null;
        if (props != null) {
            list = new String[0];
            XmlNode arr = req.param("PropertyList");
            List<String> names = new ArrayList<>();
            for (XmlNode e : arr.children()) {
                names.add(e.text().trim());
            }
            list = names.toArray(list);
        }
        requireProvider(req, c).modifyInstance(req.context, instance, list);
        return voidResponse(req);
    }

    private Reply deleteInstance(Request req) throws WBEMException {
        CIMObjectPath name = req.instanceName("InstanceName");
        CimClass c = requireClass(req, name.getObjectName());
        requireProvider(req, c).deleteInstance(req.context, name);
        return voidResponse(req);
    }

    private Reply getProperty(Request req) throws WBEMException {
        CIMObjectPath name = req.instanceName("InstanceName");
        String property = req.string("PropertyName");
        if (property == null) {
            throw invalidParameter("PropertyName is required");
        }
        CimClass c = requireClass(req, name.getObjectName());
        if (c.property(property).isEmpty()) {
            throw new CimErrorException(WBEMException.CIM_ERR_NO_SUCH_PROPERTY, "no property " + property);
        }
        CIMInstance found = fetch(req, name);
        CIMProperty<?> p = found.getProperty(property);
        Object value = p == null ? null : p.getValue();
        if (value == null) {
            return respond(req, true, w -> { });
        }
        return list(req, w -> w.value(value, req.namespace));
    }

    private Reply setProperty(Request req) throws WBEMException {
        CIMObjectPath name = req.instanceName("InstanceName");
        String property = req.string("PropertyName");
        if (property == null) {
            throw invalidParameter("PropertyName is required");
        }
        CimClass c = requireClass(req, name.getObjectName());
        CIMDataType type = repository.propertyType(req.namespace, c.name().spelling(), property);
        if (type == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_NO_SUCH_PROPERTY, "no property " + property);
        }
        XmlNode v = req.param("NewValue");
        Object value = null;
        if (v != null) {
            value = decode(() -> v.name().equals("VALUE.REFERENCE") ? decoder.objectPath(v, req.namespace)
                    : decoder.value(v, type.getType(), property, req.namespace));
        }
        CIMInstance change = new CIMInstance(name, new CIMProperty<?>[] {
            new CIMProperty<>(property, type, value)});
        requireProvider(req, c).modifyInstance(req.context, change, new String[] {property});
        return voidResponse(req);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // associations

    private record Link(CIMInstance association, CIMObjectPath target) {
    }

    private CIMObjectPath objectName(Request req, String param) {
        XmlNode v = req.param(param);
        if (v == null) {
            throw invalidParameter(param + " is required");
        }
        if (v.name().equals("CLASSNAME")) {
            // Only the Open forms get here with a class: DSP0200 defines them for instances only.
            throw invalidParameter(param + " must be an INSTANCENAME");
        }
        if (!v.name().equals("INSTANCENAME")) {
            throw invalidParameter(param + " must be an INSTANCENAME");
        }
        return decode(() -> decoder.instanceName(v, req.namespace, null));
    }

    /** The association instances referring to {@code object}, filtered by class and role. */
    private List<CIMInstance> referencesOf(Request req, CIMObjectPath object, String assocClass, String role)
            throws WBEMException {
        requireClass(req, object.getObjectName());
        if (assocClass != null) {
            requireClass(req, assocClass);
        }
        List<CIMInstance> result = new ArrayList<>();
        for (CimClass c : repository.schema(req.namespace).classes()) {
            if (!c.isAssociation() || assocClass != null && !repository.isA(req.namespace, c.name().spelling(),
                    assocClass)) {
                continue;
            }
            CimInstanceProvider p = providers.instanceProvider(req.namespace, c.name().spelling());
            if (p == null) {
                continue;
            }
            List<CIMInstance> found;
            if (p instanceof CimAssociationProvider ap) {
                found = ap.references(req.context, c.name().spelling(), object, role);
            } else {
                found = new ArrayList<>();
                for (CIMInstance i : p.enumerateInstances(req.context, c.name().spelling())) {
                    if (CimAssociationProvider.refersTo(i, object, role)) {
                        found.add(i);
                    }
                }
            }
            for (CIMInstance i : found) {
                result.add(complete(req, i));
            }
        }
        return result;
    }

    private List<Link> associatorLinks(Request req, CIMObjectPath object, String assocClass, String resultClass,
                                       String role, String resultRole) throws WBEMException {
        if (resultClass != null) {
            requireResultClass(req, resultClass);
        }
        List<Link> links = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (CIMInstance assoc : referencesOf(req, object, assocClass, role)) {
            for (CIMProperty<?> p : assoc.getProperties()) {
                if (!(p.getValue() instanceof CIMObjectPath target)) {
                    continue;
                }
                if (CimPaths.sameInstance(target, object)) {
                    continue;
                }
                if (resultRole != null && !resultRole.equalsIgnoreCase(p.getName())) {
                    continue;
                }
                if (resultClass != null && !repository.isA(namespaceOf(req, target), target.getObjectName(),
                        resultClass)) {
                    continue;
                }
                String key = target.toString().toLowerCase(Locale.ROOT);
                if (seen.putIfAbsent(key, Boolean.TRUE) == null) {
                    links.add(new Link(assoc, target));
                }
            }
        }
        return links;
    }

    private Reply associators(Request req, boolean namesOnly, boolean references) throws WBEMException {
        XmlNode target = req.param("ObjectName");
        if (target != null && target.name().equals("CLASSNAME")) {
            return classAssociations(req, target.requiredAttr("NAME"), namesOnly, references);
        }
        if (target != null && target.name().equals("INSTANCENAME") && target.children().isEmpty()) {
            // The SBLIM client sends a keyless INSTANCENAME for AssociatorNames on a class path; no instance has
            // an empty key set, so this can only mean the class.
            return classAssociations(req, target.requiredAttr("CLASSNAME"), namesOnly, references);
        }
        List<Object> results = associationResults(req, "ObjectName", namesOnly, references);
        return list(req, w -> {
            for (Object o : results) {
                if (namesOnly) {
                    w.objectPath((CIMObjectPath) o, req.namespace, false);
                } else {
                    CIMInstance i = (CIMInstance) o;
                    w.stax().writeStartElement("VALUE.OBJECTWITHPATH");
                    w.instancePath(i.getObjectPath(), req.namespace);
                    w.instance(i, req.namespace);
                    w.stax().writeEndElement();
                }
            }
        });
    }

    /**
     * The schema side of the association operations (ObjectName is a class): References returns the association
     * classes with a reference that can point at the class (the class is the reference's class or a subclass of
     * it); Associators returns the classes at the other ends of those associations.
     */
    private Reply classAssociations(Request req, String className, boolean namesOnly, boolean references) {
        CimClass source = requireClass(req, className);
        String role = emptyToNull(req.string("Role"));
        String resultRole = references ? null : emptyToNull(req.string("ResultRole"));
        String assocClass = references ? null : req.className("AssocClass", false);
        String resultClass = req.className("ResultClass", false);
        if (assocClass != null) {
            requireClass(req, assocClass);
        }
        if (resultClass != null) {
            requireClass(req, resultClass);
        }
        Map<String, CimClass> found = new LinkedHashMap<>();
        for (CimClass assoc : repository.schema(req.namespace).classes()) {
            if (!assoc.isAssociation()) {
                continue;
            }
            String assocName = assoc.name().spelling();
            String assocFilter = references ? resultClass : assocClass;
            if (assocFilter != null && !repository.isA(req.namespace, assocName, assocFilter)) {
                continue;
            }
            for (org.cimforge.mof.model.CimProperty ref : assoc.references()) {
                if (role != null && !role.equalsIgnoreCase(ref.name().spelling())) {
                    continue;
                }
                if (!repository.isA(req.namespace, source.name().spelling(),
                        ref.type().referenceClass().spelling())) {
                    continue;
                }
                if (references) {
                    found.putIfAbsent(assocName.toLowerCase(Locale.ROOT), assoc);
                    break;
                }
                for (org.cimforge.mof.model.CimProperty other : assoc.references()) {
                    if (other == ref || resultRole != null && !resultRole.equalsIgnoreCase(other.name().spelling())) {
                        continue;
                    }
                    CimClass far = repository.modelClass(req.namespace, other.type().referenceClass().spelling());
                    if (far == null || resultClass != null
                            && !repository.isA(req.namespace, far.name().spelling(), resultClass)) {
                        continue;
                    }
                    found.putIfAbsent(far.name().spelling().toLowerCase(Locale.ROOT), far);
                }
            }
        }
        boolean qualifiers = !namesOnly && req.bool("IncludeQualifiers", false);
        boolean origin = !namesOnly && req.bool("IncludeClassOrigin", false);
        Set<String> props = namesOnly ? null : req.propertyList("PropertyList");
        return list(req, w -> {
            for (CimClass c : found.values()) {
                CIMObjectPath path = new CIMObjectPath(null, null, null, req.namespace, c.name().spelling(), null);
                if (namesOnly) {
                    w.objectPath(path, req.namespace, true);
                } else {
                    w.stax().writeStartElement("VALUE.OBJECTWITHPATH");
                    w.classPath(path, req.namespace);
                    w.cimClass(repository.cimClass(req.namespace, c.name().spelling()), false, qualifiers, origin,
                            props);
                    w.stax().writeEndElement();
                }
            }
        });
    }

    /** Paths (namesOnly) or filtered instances for the four association operations and their Open forms. */
    private List<Object> associationResults(Request req, String objectParam, boolean namesOnly, boolean references)
            throws WBEMException {
        CIMObjectPath object = objectName(req, objectParam);
        String role = emptyToNull(req.string("Role"));
        Set<String> props = namesOnly ? null : req.propertyList("PropertyList");
        boolean origin = !namesOnly && req.bool("IncludeClassOrigin", false);
        List<Object> out = new ArrayList<>();
        if (references) {
            String resultClass = req.className("ResultClass", false);
            if (resultClass != null) {
                requireClass(req, resultClass);
            }
            for (CIMInstance assoc : referencesOf(req, object, resultClass, role)) {
                out.add(namesOnly ? assoc.getObjectPath() : stripOrigin(filter(assoc, props, null), origin));
            }
            return out;
        }
        String assocClass = req.className("AssocClass", false);
        String resultClass = req.className("ResultClass", false);
        String resultRole = emptyToNull(req.string("ResultRole"));
        for (Link link : associatorLinks(req, object, assocClass, resultClass, role, resultRole)) {
            if (namesOnly) {
                CIMObjectPath t = link.target();
                out.add(t.getNamespace() == null || t.getNamespace().isEmpty()
                        ? new CIMObjectPath(null, t.getHost(), null, req.namespace, t.getObjectName(), t.getKeys())
                        : t);
            } else {
                try {
                    Request there = req.in(link.target().getNamespace());
                    out.add(stripOrigin(filter(fetch(there, link.target()), props, null), origin));
                } catch (CimErrorException e) {
                    // A dangling reference is skipped rather than failing the whole traversal.
                    if (e.code() != WBEMException.CIM_ERR_NOT_FOUND && e.code() != WBEMException.CIM_ERR_INVALID_CLASS) {
                        throw e;
                    }
                }
            }
        }
        return out;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // pull operations

    private void checkOpenParameters(Request req) {
        String fql = emptyToNull(req.string("FilterQueryLanguage"));
        String fq = emptyToNull(req.string("FilterQuery"));
        if (fql != null || fq != null) {
            throw new CimErrorException(WBEMException.CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED,
                    "filtered enumerations are not supported");
        }
        rejectContinueOnError(req);
    }

    private static void rejectContinueOnError(Request req) {
        if (req.bool("ContinueOnError", false)) {
            throw new CimErrorException(WBEMException.CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED,
                    "ContinueOnError is not supported");
        }
    }

    private long timeoutMillis(Request req) {
        Long t = req.uint32("OperationTimeout");
        long seconds = t == null || t == 0 ? DEFAULT_PULL_TIMEOUT_SECONDS : t;
        if (seconds > MAX_PULL_TIMEOUT_SECONDS) {
            throw new CimErrorException(WBEMException.CIM_ERR_INVALID_OPERATION_TIMEOUT,
                    "OperationTimeout above " + MAX_PULL_TIMEOUT_SECONDS + " s is not supported");
        }
        return seconds * 1000;
    }

    private int maxObjectCount(Request req, boolean required) {
        Long m = req.uint32("MaxObjectCount");
        if (m == null) {
            if (required) {
                throw invalidParameter("MaxObjectCount is required");
            }
            return 0;
        }
        return (int) Math.min(m, Integer.MAX_VALUE);
    }

    private Reply openEnumerateInstances(Request req, boolean paths) throws WBEMException {
        checkOpenParameters(req);
        long timeout = timeoutMillis(req);
        int max = maxObjectCount(req, false);
        String name = req.className("ClassName", true);
        CimClass base = requireClass(req, name);
        boolean deep = req.bool("DeepInheritance", true);
        boolean origin = req.bool("IncludeClassOrigin", false);
        Set<String> props = paths ? null : req.propertyList("PropertyList");
        CimClass limit = deep ? null : base;
        Source source = collect(req, base);
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
        return pullFrom(req, contexts.open(req.namespace, kind, results, source.size(), source, timeout), max);
    }

    private Reply openAssociation(Request req, boolean paths, boolean references) throws WBEMException {
        checkOpenParameters(req);
        long timeout = timeoutMillis(req);
        int max = maxObjectCount(req, false);
        List<Object> results = associationResults(req, "InstanceName", paths, references);
        EnumerationContexts.Kind kind = paths ? EnumerationContexts.Kind.PATHS : EnumerationContexts.Kind.INSTANCES;
        return pullFrom(req, contexts.open(req.namespace, kind, results.iterator(), results.size(), null, timeout),
                max);
    }

    /**
     * OpenQueryInstances: the results of ExecQuery as a pull enumeration of instances without paths, continued with
     * PullInstances. Matching runs lazily, pull by pull, over the same provider streams as OpenEnumerateInstances.
     */
    private Reply openQueryInstances(Request req) throws WBEMException {
        rejectContinueOnError(req);
        if (req.bool("ReturnQueryResultClass", false)) {
            throw new CimErrorException(WBEMException.CIM_ERR_NOT_SUPPORTED,
                    "ReturnQueryResultClass is not supported; call with ReturnQueryResultClass FALSE");
        }
        long timeout = timeoutMillis(req);
        int max = maxObjectCount(req, false);
        ParsedQuery parsed = parseQuery(req, "FilterQueryLanguage", "FilterQuery");
        Source source = collect(req, parsed.base());
        Query query = parsed.query();
        Iterator<Object> results = StreamSupport
                .stream(Spliterators.spliteratorUnknownSize(source, 0), false)
                .filter(i -> query.matches(i, parsed.hierarchy()))
                .<Object>map(i -> stripOrigin(query.project(i), false))
                .iterator();
        // The size is unknown until the last match, so EnumerationCount answers NULL for a query.
        return pullFrom(req, contexts.open(req.namespace, EnumerationContexts.Kind.QUERY_INSTANCES, results, -1,
                source, timeout), max);
    }

    private Reply pull(Request req, EnumerationContexts.Kind kind) {
        String id = req.string("EnumerationContext");
        int max = maxObjectCount(req, true);
        return pullFrom(req, contexts.take(id, req.namespace, kind), max);
    }

    /**
     * Writes up to {@code max} results of a context, taking them from its iterator while writing, then
     * EnumerationContext and EndOfSequence. The context is marked busy meanwhile so the expiry sweep leaves it.
     */
    private Reply pullFrom(Request req, EnumerationContexts.Context ctx, int max) {
        boolean paths = ctx.kind == EnumerationContexts.Kind.PATHS;
        return respond(req, true, w -> {
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

    private Reply closeEnumeration(Request req) {
        String id = req.string("EnumerationContext");
        contexts.take(id, req.namespace, null);
        contexts.close(id);
        return voidResponse(req);
    }

    private Reply enumerationCount(Request req) {
        String id = req.string("EnumerationContext");
        EnumerationContexts.Context ctx = contexts.take(id, req.namespace, null);
        long count;
        synchronized (ctx) {
            count = ctx.total < 0 ? -1 : ctx.total - ctx.delivered;
        }
        if (count < 0) {
            // The providers stream without knowing their size: the count is NULL, which DSP0200 allows.
            return list(req, w -> { });
        }
        return list(req, w -> w.value(new org.metricshub.wbem.javax.cim.UnsignedInteger64(
                java.math.BigInteger.valueOf(count)), req.namespace));
    }

    /** Stops the expiry sweep and closes every open enumeration. */
    public void close() {
        contexts.close();
    }

    /** Number of pull enumerations currently open (for tests and monitoring). */
    public int openEnumerations() {
        return contexts.size();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // extrinsic methods

    private Reply extrinsic(Request req) {
        try {
            return invoke(req);
        } catch (WBEMException e) {
            return errorResponse(req, e.getID(), e.getMessage());
        } catch (CimErrorException | CimXmlException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "method " + req.method + " failed", e);
            return errorResponse(req, WBEMException.CIM_ERR_FAILED, describe(e));
        }
    }

    private Reply invoke(Request req) throws WBEMException {
        if (repository.canonicalNamespace(req.namespace) == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_INVALID_NAMESPACE,
                    "namespace " + req.namespace + " is not served");
        }
        XmlNode targetNode = req.call.child("LOCALINSTANCEPATH") != null ? req.call.child("LOCALINSTANCEPATH")
                : req.call.child("LOCALCLASSPATH");
        CIMObjectPath parsed = decode(() -> decoder.objectPath(targetNode, req.namespace));
        CimClass model = requireClass(req, parsed.getObjectName());
        CIMObjectPath target = new CIMObjectPath(null, null, null, req.namespace, parsed.getObjectName(),
                parsed.getKeys());
        CIMClass cimClass = repository.cimClass(req.namespace, model.name().spelling());
        CIMMethod<?> method = cimClass.getMethod(req.method);
        if (method == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_METHOD_NOT_FOUND,
                    "class " + model.name().spelling() + " has no method " + req.method);
        }
        List<CIMArgument<?>> in = new ArrayList<>();
        for (XmlNode p : req.call.all("PARAMVALUE")) {
            CIMArgument<?> arg = decode(() -> decoder.paramValue(p, req.namespace, model.name().spelling(),
                    method.getName()));
            if (method.getParameter(arg.getName()) == null) {
                throw invalidParameter("method " + method.getName() + " has no parameter " + arg.getName());
            }
            in.add(arg);
        }
        CimMethodProvider provider = null;
        for (CimClass k : model.lineage()) {
            provider = providers.methodProvider(req.namespace, k.name().spelling());
            if (provider != null) {
                break;
            }
        }
        if (provider == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_METHOD_NOT_AVAILABLE,
                    "no provider runs " + model.name().spelling() + "." + method.getName());
        }
        if (target.getKeys().length > 0 && providerFor(req, model) != null) {
            fetch(req, target);
        }
        CimMethodResult result = provider.invokeMethod(req.context, target, method.getName(), in);
        if (result == null) {
            result = CimMethodResult.of(null);
        }
        CimMethodResult r = result;
        CIMDataType returnType = method.getDataType();
        Object returnValue = coerce(returnType, r.returnValue());
        return respond(req, false, w -> {
            if (returnValue != null) {
                w.typedValue("RETURNVALUE", null, returnType, returnValue, req.namespace);
            }
            for (CIMArgument<?> out : r.outArguments()) {
                if (out.getValue() == null) {
                    continue;
                }
                CIMParameter<?> declared = method.getParameter(out.getName());
                CIMDataType type = declared != null ? declared.getDataType() : out.getDataType();
                w.typedValue("PARAMVALUE", declared != null ? declared.getName() : out.getName(), type,
                        coerce(type, out.getValue()), req.namespace);
            }
        });
    }

    /** Converts a numeric return value to the declared CIM integer type when the provider used another Java type. */
    private static Object coerce(CIMDataType type, Object value) {
        if (value == null || type == null || type.isArray() || !(value instanceof Number)) {
            return value;
        }
        int code = type.getType();
        if (code == CIMDataType.REFERENCE || code == CIMDataType.OBJECT || code == CIMDataType.STRING
                || CIMDataType.getDataType(value).getType() == code) {
            return value;
        }
        return CimValues.parse(code, value.toString());
    }
}
