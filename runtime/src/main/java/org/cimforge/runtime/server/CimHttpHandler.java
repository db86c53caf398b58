package org.cimforge.runtime.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cimforge.runtime.cimxml.CimXmlException;
import org.cimforge.runtime.cimxml.CimXmlParser;
import org.cimforge.runtime.cimxml.XmlNode;
import org.cimforge.runtime.server.dispatch.CimDispatcher;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The HTTP side of the server: checks method, path, credentials, headers and size, then runs the operation through
 * the {@link CimDispatcher} on the same worker thread, with a watchdog that answers for one that overruns its time.
 * Requests that need no waiting are taken on the I/O thread first ({@link #handleOnIoThread}).
 */
final class CimHttpHandler extends Handler.Abstract {
    private static final Logger LOG = Logger.getLogger(CimHttpHandler.class.getName());

    /** Responses larger than this are streamed (chunked) instead of being sent whole. */
    static final int STREAM_THRESHOLD = 64 * 1024;

    private final CimDispatcher dispatcher;
    private final CimServerConfig config;
    private final Deadlines.Lane requestDeadlines;
    private final RequestBodies bodies;
    private final Map<String, byte[]> passwords;

    CimHttpHandler(CimDispatcher dispatcher, CimServerConfig config, Deadlines timeouts) {
        this.dispatcher = dispatcher;
        this.config = config;
        this.requestDeadlines = timeouts.lane(config.requestTimeout());
        this.bodies = new RequestBodies(config, timeouts);
        this.passwords = new java.util.HashMap<>();
        config.users().forEach((u, p) -> passwords.put(u, p.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        ArrivedBody arrived = (ArrivedBody) request.getAttribute(ArrivedBody.ATTRIBUTE);
        if (arrived != null) {
            // The I/O thread took this request: its headers passed the checks of admit, and its body is (partly) here.
            return run(request, response, callback, arrived.user(), arrived);
        }
        Admitted admitted = admit(request, response, callback);
        return admitted == null || run(request, response, callback, admitted.user(), null);
    }

    /** A request whose headers passed, for {@code user} (null: anonymous). */
    private record Admitted(String user) {
    }

    /** Checks path, method, credentials and headers; answers and returns null when they do not pass. */
    private Admitted admit(Request request, Response response, Callback callback) throws IOException {
        String path = request.getHttpURI().getPath();
        // Nothing before authentication reads the body: a client that has not logged in must not be able to hold a
        // worker thread by sending a body slowly. Such an answer therefore says Connection: close when the request
        // has a body (see refuse).
        if (!cimPath(path)) {
            return refuse(request, response, callback, 404, "Not Found");
        }
        String method = request.getMethod();
        if ("M-POST".equalsIgnoreCase(method)) {
            // Clients fall back to POST after a 501 (DSP0200); the extension framework is not implemented.
            return refuse(request, response, callback, 501, "M-POST is not supported; use POST");
        }
        if (!"POST".equals(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            return refuse(request, response, callback, 405, "Only POST is accepted");
        }
        String user = authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (user == null && !config.allowAnonymous()) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"cimforge\"");
            return refuse(request, response, callback, 401, "Authentication required");
        }
        if (!methodCall(request.getHeaders().get("CIMOperation"))) {
            return reject(request, response, callback, 400, "unsupported-operation", "CIMOperation must be MethodCall");
        }
        if (request.getHeaders().get("CIMBatch") != null) {
            return reject(request, response, callback, 501, "multiple-requests-unsupported",
                    "batched requests are not supported");
        }
        if (!xmlContent(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
            return reject(request, response, callback, 400, "request-not-valid", "Content-Type must be application/xml");
        }
        long declared = request.getLength();
        if (declared > config.maxRequestBytes()) {
            // A moderately oversized body is read and dropped so the client sees the 413 instead of a reset;
            // a huge one is refused at once and the connection closed.
            if (declared <= 4 * config.maxRequestBytes()) {
                RequestBodies.drain(request, 4 * config.maxRequestBytes());
            }
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            return reject(request, response, callback, 413, null, "request body exceeds " + config.maxRequestBytes()
                    + " bytes");
        }
        return new Admitted(user);
    }

    private static boolean cimPath(String path) {
        return "/cimom".equals(path) || "/".equals(path);
    }

    private static boolean methodCall(String operation) {
        return operation != null && operation.trim().equalsIgnoreCase("MethodCall");
    }

    /** No Content-Type, or an XML one. */
    private static boolean xmlContent(String contentType) {
        return contentType == null || contentType.regionMatches(true, 0, "application/xml", 0, 15)
                || contentType.regionMatches(true, 0, "text/xml", 0, 8);
    }

    /** The HTTP headers the dispatcher checks against the body. */
    static CimDispatcher.Headers cimHeaders(Request request) {
        return new CimDispatcher.Headers(request.getHeaders().get("CIMMethod"), request.getHeaders().get("CIMObject"),
                request.getHeaders().get("CIMProtocolVersion"));
    }

    /**
     * Reads the body (what the I/O thread did not) and runs the operation on this worker thread, with a watchdog that
     * answers for one that overruns the request timeout.
     */
    private boolean run(Request request, Response response, Callback callback, String user, ArrivedBody arrived)
            throws IOException {
        byte[] body;
        try {
            body = arrived != null && arrived.ended() ? arrived.body() : bodies.read(request, arrived);
        } catch (IOException | RuntimeException e) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            if (RequestBodies.endedEarly(e)) {
                // The client closed its side before the bytes its Content-Length announced: a broken request.
                EarlyAnswer.send(response, callback, 400, null, "request body ended before the "
                        + request.getLength() + " bytes its Content-Length announced");
                return true;
            }
            // Too slow (the minimum data rate) or past the body deadline: the client gets 408, the thread goes.
            bodies.answerTooSlow(response, callback);
            return true;
        }
        if (body == null) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            reject(request, response, callback, 413, null, "request body exceeds " + config.maxRequestBytes()
                    + " bytes");
            return true;
        }
        CimDispatcher.Headers headers = cimHeaders(request);
        String host = Request.getServerName(request);
        ResponseStream out = new ResponseStream(response, callback, STREAM_THRESHOLD);
        // The operation runs on this HTTP thread: handing it to another pool cost a quarter of the server's CPU per
        // small request in thread switches. A watchdog answers for an operation that overruns its time instead.
        Watchdog watchdog = new Watchdog(Thread.currentThread());
        Deadlines.Armed alarm;
        try {
            alarm = requestDeadlines.arm(() -> watchdog.expire(() -> sendBytes(response, callback,
                    CimErrorResponses.failed(headers, WBEMException.CIM_ERR_FAILED, "operation did not finish within "
                            + config.requestTimeout().toMillis() + " ms", body)), out));
        } catch (RejectedExecutionException e) {
            reject(request, response, callback, 503, null, "server is shutting down");
            return true;
        }
        try {
            if (arrived != null && arrived.prepared() != null) {
                arrived.prepared().run(out);
            } else {
                XmlNode root = arrived != null && arrived.root() != null ? arrived.root()
                        : CimXmlParser.parseRequest(body);
                dispatcher.dispatch(root, headers, user, host, Request.getRemoteAddr(request), out);
            }
            out.finish();
        } catch (Exception | StackOverflowError e) {
            if (!watchdog.expired()) {
                answerFailure(e, request, response, callback, headers, body, out);
            }
        } finally {
            alarm.disarm();
            watchdog.done();
        }
        return true;
    }

    /**
     * Takes an admitted CIM request on the connection's I/O thread: its body is collected there without waiting
     * ({@link BodyOnIoThread}), and an operation that {@link CimDispatcher.Prepared#runsWithoutWaiting runs without
     * waiting} is answered there too. Anything else goes to a worker through {@code toWorker}, with what was read here
     * in the {@link ArrivedBody} attribute. Returns false, having read nothing, for a request that {@link #admit} must
     * answer on a worker (refusals, errors in the headers). Handing a request to a worker costs two thread switches,
     * about half of the server's CPU for a small request; a worker is still needed for anything that may wait, since a
     * waiting I/O thread holds up every connection it serves.
     */
    boolean handleOnIoThread(Request request, Response response, Callback callback, Runnable toWorker) {
        if (!"POST".equals(request.getMethod()) || !cimPath(request.getHttpURI().getPath())) {
            return false;
        }
        String user = authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        long declared = request.getLength();
        if (user == null && !config.allowAnonymous() || !methodCall(request.getHeaders().get("CIMOperation"))
                || request.getHeaders().get("CIMBatch") != null
                || !xmlContent(request.getHeaders().get(HttpHeader.CONTENT_TYPE))
                || declared <= 0 || declared > config.maxRequestBytes()) {
            return false;
        }
        new BodyOnIoThread(this, dispatcher, bodies, request, response, callback, toWorker, user, (int) declared).run();
        return true;
    }

    /**
     * Ends an operation that overran the request timeout: when nothing of its response is committed yet, the timeout
     * error is sent in its place and the operation's thread is interrupted; a response already streaming is left
     * to finish, since the client is receiving data.
     */
    private static final class Watchdog {
        private final Thread worker;
        private boolean done;
        private boolean expired;

        Watchdog(Thread worker) {
            this.worker = worker;
        }

        synchronized void expire(Runnable answer, ResponseStream out) {
            if (done || !out.abandon()) {
                return;
            }
            expired = true;
            answer.run();
            worker.interrupt();
        }

        synchronized boolean expired() {
            return expired;
        }

        /** Called by the worker when it leaves the operation; clears an interrupt meant for the operation only. */
        synchronized void done() {
            done = true;
            if (expired) {
                Thread.interrupted();
            }
        }
    }

    /**
     * Answers for an operation that failed: its ERROR (or the HTTP status of a protocol error) while nothing is
     * committed, else the connection is broken off.
     */
    void answerFailure(Throwable cause, Request request, Response response, Callback callback,
                       CimDispatcher.Headers headers, byte[] body, ResponseStream out) throws IOException {
        if (!out.abandon()) {
            // Part of the answer is on the wire: all that is left is to break the connection. A client that hung up
            // is no server fault, so it gets one quiet line rather than a stack trace.
            if (cause instanceof IOException) {
                LOG.log(Level.FINE, "client went away mid-response: {0}", cause.toString());
            } else {
                LOG.log(Level.WARNING, "response aborted after it was committed", cause);
            }
            out.fail(cause);
            return;
        }
        if (cause instanceof CimXmlException x) {
            reject(request, response, callback, x.httpStatus(), x.cimError(), x.getMessage());
            return;
        }
        LOG.log(Level.WARNING, "request failed", cause);
        sendBytes(response, callback, CimErrorResponses.failed(headers, WBEMException.CIM_ERR_FAILED,
                cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), body));
    }

    private static void sendBytes(Response response, Callback callback, byte[] answer) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml; charset=utf-8");
        response.getHeaders().put("CIMOperation", "MethodResponse");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.length);
        response.write(true, ByteBuffer.wrap(answer), callback);
    }

    /** The user named by valid Basic credentials, or null. */
    private String authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        byte[] expected = passwords.get(user);
        byte[] given = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        // Compare in constant time; an unknown user is compared against itself so timing tells nothing.
        boolean ok = MessageDigest.isEqual(expected == null ? given : expected, given) && expected != null;
        return ok ? user : null;
    }

    /**
     * Answers a request that is not authenticated (or not for this server) without waiting for its body. What of the
     * body has already arrived is dropped; when that was not all of it, the answer says Connection: close, because
     * Jetty closes such a connection after the answer, and a client told nothing may send its next request on it (the
     * JDK client then fails with "header parser received no bytes").
     */
    private Admitted refuse(Request request, Response response, Callback callback, int status, String text) {
        if (request.getLength() != 0 && !bodies.dropArrived(request)) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        EarlyAnswer.send(response, callback, status, null, text);
        return null;
    }

    /**
     * Answers without a CIM body, after reading what the client sent so the reply is not lost to a reset. Returns
     * null, which is what {@link #admit} returns for a request it answered.
     */
    private Admitted reject(Request request, Response response, Callback callback, int status, String cimError,
                            String text) throws IOException {
        if (request.getLength() <= config.maxRequestBytes()) {
            RequestBodies.drain(request, config.maxRequestBytes());
        }
        EarlyAnswer.send(response, callback, status, cimError, text);
        return null;
    }
}
