package org.cimforge.runtime.server;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An HTTP answer given before any operation runs (401, 400, 404, 405, 408, 413, 501, 503): a status, the DSP0200
 * {@code CIMError} header where one applies, the reason in the {@value #DETAIL_HEADER} header, and no body.
 *
 * <p>No body, because a client may not read one: the SBLIM Java client leaves the body of a 401 challenge unread,
 * then takes those bytes for the status line of its next answer on the same connection, gives that connection up and
 * sends its request again on a new one, so the server would run a fresh client's first request twice. OpenPegasus
 * answers its challenges the same way, with an empty body.
 */
final class EarlyAnswer {
    /** The header that carries the human-readable reason, percent-encoded as in OpenPegasus's PGErrorDetail. */
    static final String DETAIL_HEADER = "CIMForge-Error-Detail";

    /** Long enough for every reason the server gives; a header is no place for a client's whole input. */
    private static final int MAX_DETAIL_BYTES = 512;

    private EarlyAnswer() {
    }

    static void send(Response response, Callback callback, int status, String cimError, String detail) {
        response.setStatus(status);
        if (cimError != null) {
            response.getHeaders().put("CIMError", cimError);
        }
        response.getHeaders().put(DETAIL_HEADER, encode(detail));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
        response.write(true, null, callback);
    }

    /**
     * Percent-encodes what is not printable ASCII (and '%' itself), so a reason that quotes the request cannot break
     * the header, and cuts it at {@link #MAX_DETAIL_BYTES} bytes of UTF-8.
     */
    static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(Math.min(bytes.length, MAX_DETAIL_BYTES) + 16);
        for (int i = 0; i < bytes.length && i < MAX_DETAIL_BYTES; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '%') {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
