package org.cimforge.runtime.server.dispatch;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.cimforge.runtime.cimxml.CimXmlException;

/** The DSP0200 rules that the CIMMethod and CIMObject HTTP headers must agree with the request body. */
final class HeaderChecks {
    private HeaderChecks() {
    }

    static void checkMethodHeader(String header, String bodyName) {
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

    static void checkObjectHeader(String header, String namespace) {
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
}
