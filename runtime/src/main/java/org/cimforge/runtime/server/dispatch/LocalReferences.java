package org.cimforge.runtime.server.dispatch;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.cimforge.runtime.spi.CimClassRepository;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * Refuses object paths a client sends that name another server or a namespace this one does not serve: without the
 * check a reference to {@code //10.0.0.1/root/nope:X.Id="1"} would be read as the local X of the same keys and acted
 * upon. Host names are compared as text and never resolved; only address literals are parsed.
 */
final class LocalReferences {
    private static final Pattern DOTTED_IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Longest error text quoted from a client's path. */
    private static final int QUOTED = 80;

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
        if (host != null && !host.isBlank() && !isLocal(host, req.host)) {
            throw OperationSupport.invalidParameter(what + " names host " + quoted(host) + ", not this server");
        }
        String ns = path.getNamespace();
        if (ns != null && !ns.isEmpty() && repository.canonicalNamespace(ns) == null) {
            throw OperationSupport.invalidParameter(what + " names namespace " + quoted(ns)
                    + ", which this server does not serve");
        }
        for (CIMProperty<?> key : path.getKeys()) {
            checkValue(key.getValue(), what + " key " + key.getName(), req);
        }
    }

    /** Checks every reference among a value (a scalar reference or an array of them); other values pass. */
    void checkValue(Object value, String what, OperationRequest req) {
        if (value instanceof CIMObjectPath p) {
            check(p, what, req);
        } else if (value instanceof CIMObjectPath[] paths) {
            for (CIMObjectPath p : paths) {
                check(p, what, req);
            }
        }
    }

    /** Checks an instance a client sends: its path, if any, and every reference property. */
    void checkInstance(CIMInstance instance, String what, OperationRequest req) {
        check(instance.getObjectPath(), what, req);
        for (CIMProperty<?> p : instance.getProperties()) {
            checkValue(p.getValue(), what + " property " + p.getName(), req);
        }
    }

    /**
     * True when {@code host} names this server: the name the client addressed in its Host header, {@code localhost}
     * (and {@code *.localhost}), a loopback address, an address of one of this machine's interfaces (the bound
     * address among them), or this machine's host name. A port ({@code host:5989}, {@code [::1]:5989}) is ignored.
     */
    static boolean isLocal(String host, String requestHost) {
        String h = bareHost(host);
        if (h.isEmpty() || h.equals("localhost") || h.endsWith(".localhost")
                || requestHost != null && h.equals(bareHost(requestHost))) {
            return true;
        }
        InetAddress literal = literal(h);
        if (literal != null) {
            return literal.isLoopbackAddress() || Machine.ADDRESSES.contains(key(literal));
        }
        return Machine.NAMES.contains(h);
    }

    /** Lower case, without port, brackets, IPv6 zone or the trailing dot of an absolute name. */
    static String bareHost(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            h = end < 0 ? h.substring(1) : h.substring(1, end);
        } else {
            int colon = h.indexOf(':');
            if (colon >= 0 && colon == h.lastIndexOf(':')) {
                h = h.substring(0, colon); // name:port or a.b.c.d:port; two colons or more are an IPv6 address
            }
        }
        int zone = h.indexOf('%');
        if (zone >= 0) {
            h = h.substring(0, zone);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** The address an IPv4 or IPv6 literal spells, or null for a name (never looked up). */
    private static InetAddress literal(String h) {
        String text;
        if (h.contains(":")) {
            text = "[" + h + "]"; // in brackets the JDK parses an IPv6 literal or fails; it never looks it up
        } else if (DOTTED_IPV4.matcher(h).matches() && Arrays.stream(h.split("\\.")).allMatch(o -> o.length() < 4
                && Integer.parseInt(o) <= 255)) {
            text = h;
        } else {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    private static String key(InetAddress a) {
        return HexFormat.of().formatHex(a.getAddress());
    }

    private static String quoted(String text) {
        return text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "...";
    }

    /** This machine's addresses and name, read once on first need (the host name may take a look-up). */
    private static final class Machine {
        static final Set<String> ADDRESSES = new HashSet<>();
        static final Set<String> NAMES = new HashSet<>();

        static {
            try {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                        ADDRESSES.add(key(a));
                    }
                }
            } catch (SocketException | RuntimeException e) {
                // No interface list: loopback and the request's own Host name still count as local.
            }
            try {
                NAMES.add(bareHost(InetAddress.getLocalHost().getHostName()));
            } catch (UnknownHostException | RuntimeException e) {
                // A machine without a resolvable name of its own.
            }
        }
    }
}
