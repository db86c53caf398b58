package org.cimforge.runtime.indication;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Where the server may send indications on a client's behalf: by default only to a loopback address or to the
 * address of the client that creates the destination (an SMI-S listener is the client's own), plus the hosts and
 * address ranges of an allow-list. A destination is a request the server makes for the client, so without such a
 * policy any client could make it call internal services (link-local metadata addresses, private ranges).
 */
final class DestinationPolicy {
    /** A host name as DNS allows it: labels of letters, digits and inner hyphens; the last one not all digits. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?i)(?=.{1,253}\\.?$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z]([a-z0-9-]{0,61}[a-z0-9])?\\.?");
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    /** One allow-list entry: an address range (CIDR or a single address) or a host name. */
    private record Allowed(byte[] network, int prefix, String hostName) {
        boolean admits(String host, InetAddress address) {
            if (hostName != null) {
                return hostName.equalsIgnoreCase(host);
            }
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Allowed> allowList = new ArrayList<>();

    /** A policy with the given allow-list entries ("10.1.0.0/16", "192.0.2.7", "::1/128", "listener.example"). */
    DestinationPolicy(List<String> allowed) {
        for (String entry : allowed) {
            allowList.add(parse(entry));
        }
    }

    private static Allowed parse(String entry) {
        String e = entry.trim();
        int slash = e.indexOf('/');
        String host = slash < 0 ? e : e.substring(0, slash);
        if (isAddressLiteral(host)) {
            InetAddress address = literal(host);
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(e.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("allowed destination " + entry + ": prefix must be 0.." + bits);
            }
            return new Allowed(address.getAddress(), prefix, null);
        }
        if (slash >= 0 || !HOST_NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("allowed destination " + entry
                    + " is neither an address, an address range (CIDR) nor a host name");
        }
        return new Allowed(null, 0, host);
    }

    /**
     * Checks a listener URL for a destination created by the client at {@code clientAddress} (null when unknown):
     * CIM_ERR_INVALID_PARAMETER for a malformed host or credentials in the URL, CIM_ERR_ACCESS_DENIED for a host the
     * policy does not admit.
     */
    void check(URI url, String clientAddress) throws WBEMException {
        if (url.getRawUserInfo() != null) {
            throw invalid("Destination must not carry credentials (user:password@): they would be stored and shown"
                    + " to every client that reads the destination");
        }
        String host = url.getHost();
        if (host == null) {
            throw invalid("Destination " + url + " names no host that a URL allows");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.length() > 253) {
            throw invalid("Destination host is " + host.length() + " characters long; at most 253 are allowed");
        }
        List<InetAddress> addresses = resolve(host);
        InetAddress client = clientAddress == null ? null : literalOrNull(clientAddress);
        for (InetAddress address : addresses) {
            if (!admits(host, address, client)) {
                throw new WBEMException(WBEMException.CIM_ERR_ACCESS_DENIED, "Destination host " + host
                        + (host.equals(address.getHostAddress()) ? "" : " (" + address.getHostAddress() + ")")
                        + " is neither a loopback address nor the address of the client that creates the"
                        + " destination; a server administrator can allow it (DeliverySettings.withAllowedDestinations)");
            }
        }
    }

    private boolean admits(String host, InetAddress address, InetAddress client) {
        if (address.isLoopbackAddress() || address.equals(client)) {
            return true;
        }
        for (Allowed a : allowList) {
            if (a.admits(host, address)) {
                return true;
            }
        }
        return false;
    }

    /** The addresses of a host: a literal as written, a name through the resolver; malformed hosts are refused. */
    private static List<InetAddress> resolve(String host) throws WBEMException {
        if (isAddressLiteral(host)) {
            try {
                return List.of(literal(host));
            } catch (IllegalArgumentException e) {
                throw invalid("Destination host " + host + " is not a valid address");
            }
        }
        if (!HOST_NAME.matcher(host).matches()) {
            // Also catches the numeric spellings resolvers accept but people do not read (0x0a000001, 167772161).
            throw invalid("Destination host " + host + " is not a host name, a dotted IPv4 address or an IPv6"
                    + " address in brackets");
        }
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            throw invalid("Destination host " + host + " cannot be resolved");
        }
    }

    private static boolean isAddressLiteral(String host) {
        return DOTTED_QUAD.matcher(host).matches() || (host.contains(":") && host.matches("[0-9a-fA-F:.]+"));
    }

    private static InetAddress literal(String host) {
        try {
            // A literal never reaches a resolver; an IPv4-mapped IPv6 literal comes back as the IPv4 address.
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + host, e);
        }
    }

    private static InetAddress literalOrNull(String address) {
        String a = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
        return isAddressLiteral(a.toLowerCase(Locale.ROOT)) ? literal(a) : null;
    }

    private static WBEMException invalid(String message) {
        return new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, message);
    }
}
