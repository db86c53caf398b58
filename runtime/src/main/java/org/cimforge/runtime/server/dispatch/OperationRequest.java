package org.cimforge.runtime.server.dispatch;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cimforge.runtime.cimxml.CimXmlDecoder;
import org.cimforge.runtime.cimxml.XmlNode;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimOperationContext;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/** One decoded operation call: message id, operation name, target namespace, caller, and typed parameter access. */
final class OperationRequest {
    final String id;
    final String method;
    final String namespace;
    final String host;
    final XmlNode call;
    final CimOperationContext context;
    /** IPARAMVALUEs by name ignoring case (a sorted map: no lower-cased copy of every name per request). */
    private final Map<String, XmlNode> params = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final CimClassRepository repository;
    private final CimXmlDecoder decoder;
    /** Whether the operation runs on a connection's I/O thread, where a provider that takes long is reported. */
    boolean onIoThread;
    /** The first IPARAMVALUE name given more than once, refused by {@link #checkParameters()}. */
    private String twice;

    OperationRequest(CimClassRepository repository, CimXmlDecoder decoder, String id, String method,
                     String namespace, String user, String host, String clientAddress, XmlNode call) {
        this.repository = repository;
        this.decoder = decoder;
        this.id = id;
        this.method = method;
        this.host = host;
        this.call = call;
        String canonical = repository.canonicalNamespace(namespace);
        this.namespace = canonical == null ? namespace : canonical;
        this.context = new CimOperationContext(this.namespace, user, host, clientAddress);
        for (XmlNode p : call.children()) {
            if (p.name().equals("IPARAMVALUE")) {
                String name = p.requiredAttr("NAME");
                if (params.put(name, p) != null && twice == null) {
                    twice = name;
                }
            }
        }
    }

    /** Whether this is an intrinsic operation (IMETHODCALL) rather than an extrinsic method (METHODCALL). */
    boolean intrinsic() {
        return call.name().equals("IMETHODCALL");
    }

    /** The same request aimed at another served namespace (for references that cross namespaces). */
    OperationRequest in(String otherNamespace) {
        if (otherNamespace == null || otherNamespace.isEmpty() || otherNamespace.equalsIgnoreCase(namespace)
                || repository.canonicalNamespace(otherNamespace) == null) {
            return this;
        }
        return new OperationRequest(repository, decoder, id, method, otherNamespace, context.user(), host,
                context.clientAddress(), call);
    }

    /**
     * Refuses an intrinsic call whose parameters DSP0200 does not define for the operation, or that gives one twice
     * (which of the two would count?). Operations outside the table are left to their own handling.
     */
    void checkParameters() {
        if (twice != null) {
            throw OperationSupport.invalidParameter("parameter " + OperationSupport.abbreviate(twice)
                    + " is given twice");
        }
        Set<String> known = IntrinsicParameters.of(method);
        if (known == null) {
            return;
        }
        for (XmlNode p : call.children()) {
            if (!p.name().equals("IPARAMVALUE")) {
                continue;
            }
            String name = p.requiredAttr("NAME");
            if (!known.contains(name)) {
                throw OperationSupport.invalidParameter(method + " has no parameter "
                        + OperationSupport.abbreviate(name));
            }
            if (IntrinsicParameters.BOOLEANS.contains(name)) {
                bool(name, false); // checked even where the server ignores it (LocalOnly): "maybe" is no boolean
            }
        }
    }

    XmlNode param(String name) {
        XmlNode p = params.get(name);
        return p == null ? null : p.firstChild();
    }

    boolean bool(String name, boolean def) {
        XmlNode v = param(name);
        if (v == null) {
            return def;
        }
        if (!v.name().equals("VALUE")) {
            throw OperationSupport.invalidParameter(name + " must be a boolean VALUE");
        }
        String t = v.text().trim();
        if (t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equalsIgnoreCase("false")) {
            return false;
        }
        throw OperationSupport.invalidParameter(name + " must be TRUE or FALSE, not '"
                + OperationSupport.abbreviate(t) + "'");
    }

    String string(String name) {
        XmlNode v = param(name);
        if (v == null) {
            return null;
        }
        if (!v.name().equals("VALUE")) {
            throw OperationSupport.invalidParameter(name + " must be a VALUE");
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
            throw OperationSupport.invalidParameter(name + " must be a uint32, not '" + OperationSupport.abbreviate(s) + "'");
        }
    }

    String className(String name, boolean required) {
        XmlNode v = param(name);
        if (v == null) {
            if (required) {
                throw OperationSupport.invalidParameter(name + " is required");
            }
            return null;
        }
        if (!v.name().equals("CLASSNAME")) {
            throw OperationSupport.invalidParameter(name + " must be a CLASSNAME");
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
            throw OperationSupport.invalidParameter(name + " must be a VALUE.ARRAY of property names");
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
            throw OperationSupport.invalidParameter(name + " must be an INSTANCENAME");
        }
        CIMObjectPath path = OperationSupport.decode(() -> decoder.instanceName(v, namespace, null));
        new LocalReferences(repository).check(path, name, this);
        return path;
    }
}
