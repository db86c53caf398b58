package org.cimforge.runtime.server.dispatch;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.cimforge.runtime.spi.CimClassRepository;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * Refuses object paths a client sends that name another server or a namespace this one does not serve: without the
 * check a reference to {@code //10.0.0.1/root/nope:X.Id="1"} would be read as the local X of the same keys and acted
 * upon. Host names are compared as text, never resolved.
 */
final class LocalReferences {
    /** This machine's names and addresses, read once: loopback, the interfaces' addresses, the local host name. */
    private static final Set<String> LOCAL_NAMES = localNames();

    private final CimClassRepository repository;

    LocalReferences(CimClassRepository repository) {
        this.repository = repository;
    }

    /** Checks a path and the references among its keys; {@code what} names it in the error. */
    void check(CIMObjectPath path, String what, OperationRequest req) {
        if (path == null) {
            return;
        }
        String host = path.getHost();
        if (host != null && !host.isEmpty() && !isLocal(host, req.host)) {
            throw OperationSupport.invalidParameter(what + " names host " + host + ", not this server");
        }
        String ns = path.getNamespace();
        if (ns != null && !ns.isEmpty() && repository.canonicalNamespace(ns) == null) {
            throw OperationSupport.invalidParameter(what + " names namespace " + ns
                    + ", which this server does not serve");
        }
        for (CIMProperty<?> key : path.getKeys()) {
            if (key.getValue() instanceof CIMObjectPath ref) {
                check(ref, what + " key " + key.getName(), req);
            }
        }
    }

    /** Checks every reference among a method's argument values (scalars and arrays). */
    void checkValue(Object value, String what, OperationRequest req) {
        if (value instanceof CIMObjectPath p) {
            check(p, what, req);
        } else if (value instanceof CIMObjectPath[] paths) {
            for (CIMObjectPath p : paths) {
                check(p, what, req);
            }
        }
    }

    private static boolean isLocal(String host, String requestHost) {
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(':') == colon) {
            h = h.substring(0, colon); // host:port, as some clients write it
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals(requestHost == null ? null : requestHost.toLowerCase(Locale.ROOT))
                || LOCAL_NAMES.contains(h) || h.startsWith("127.");
    }

    private static Set<String> localNames() {
        Set<String> names = new HashSet<>(Set.of("localhost", "::1", "0:0:0:0:0:0:0:1"));
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    String text = a.getHostAddress();
                    int scope = text.indexOf('%');
                    names.add((scope < 0 ? text : text.substring(0, scope)).toLowerCase(Locale.ROOT));
                }
            }
        } catch (SocketException | RuntimeException e) {
            // No interface list: loopback and the request's own Host name still count as local.
        }
        try {
            InetAddress self = InetAddress.getLocalHost();
            names.add(self.getHostName().toLowerCase(Locale.ROOT));
        } catch (java.net.UnknownHostException | RuntimeException e) {
            // A machine without a resolvable name of its own.
        }
        return Set.copyOf(names);
    }
}
