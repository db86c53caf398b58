package org.cimforge.runtime.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cimforge.runtime.cimxml.CimXmlException;
import org.cimforge.runtime.cimxml.CimXmlParser;
import org.cimforge.runtime.cimxml.XmlNode;
import org.cimforge.runtime.server.dispatch.CimDispatcher;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The HTTP side of the server: checks method, path, credentials, headers and size, then runs the operation through
 * the {@link CimDispatcher} on the same thread, with a watchdog that answers for one that overruns its time.
 */
final class CimHttpHandler extends Handler.Abstract {
    private static final Logger LOG = Logger.getLogger(CimHttpHandler.class.getName());

    /** Responses larger than this are streamed (chunked) instead of being sent whole. */
    static final int STREAM_THRESHOLD = 64 * 1024;

    private final CimDispatcher dispatcher;
    private final CimServerConfig config;
    private final Deadlines.Lane requestDeadlines;
    private final Deadlines.Lane bodyDeadlines;
    private final Map<String, byte[]> passwords;

    CimHttpHandler(CimDispatcher dispatcher, CimServerConfig config, Deadlines timeouts) {
        this.dispatcher = dispatcher;
        this.config = config;
        this.requestDeadlines = timeouts.lane(config.requestTimeout());
        this.bodyDeadlines = timeouts.lane(config.clientLimits().bodyTimeout());
        this.passwords = new java.util.HashMap<>();
        config.users().forEach((u, p) -> passwords.put(u, p.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        // Nothing before authentication reads the body: a client that has not logged in must not be able to hold a
        // worker thread by sending a body slowly. Such an answer therefore says Connection: close when the request
        // has a body (see refuse).
        if (!"/cimom".equals(path) && !"/".equals(path)) {
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
        String operation = request.getHeaders().get("CIMOperation");
        if (operation == null || !operation.trim().equalsIgnoreCase("MethodCall")) {
            return reject(request, response, callback, 400, "unsupported-operation", "CIMOperation must be MethodCall");
        }
        if (request.getHeaders().get("CIMBatch") != null) {
            return reject(request, response, callback, 501, "multiple-requests-unsupported", "batched requests are not supported");
        }
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType != null) {
            String ct = contentType.toLowerCase(Locale.ROOT);
            if (!ct.startsWith("application/xml") && !ct.startsWith("text/xml")) {
                return reject(request, response, callback, 400, "request-not-valid", "Content-Type must be application/xml");
            }
        }
        long declared = request.getLength();
        if (declared > config.maxRequestBytes()) {
            // A moderately oversized body is read and dropped so the client sees the 413 instead of a reset;
            // a huge one is refused at once and the connection closed.
            if (declared <= 4 * config.maxRequestBytes()) {
                drain(request, 4 * config.maxRequestBytes());
            }
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            return reject(request, response, callback, 413, null, "request body exceeds " + config.maxRequestBytes() + " bytes");
        }
        ArrivedBody arrived = (ArrivedBody) request.getAttribute(ArrivedBody.ATTRIBUTE);
        byte[] body;
        try {
            body = arrived != null && arrived.ended() ? arrived.body() : readBody(request, arrived);
        } catch (IOException | RuntimeException e) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            if (endedEarly(e)) {
                // The client closed its side before the bytes its Content-Length announced: a broken request.
                EarlyAnswer.send(response, callback, 400, null, "request body ended before the "
                        + request.getLength() + " bytes its Content-Length announced");
                return true;
            }
            // Too slow (Jetty's minimum data rate) or past the body deadline: the client gets 408, the thread goes.
            answerSlowBody(response, callback);
            return true;
        }
        if (body == null) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            return reject(request, response, callback, 413, null, "request body exceeds " + config.maxRequestBytes() + " bytes");
        }
        CimDispatcher.Headers headers = new CimDispatcher.Headers(request.getHeaders().get("CIMMethod"),
                request.getHeaders().get("CIMObject"), request.getHeaders().get("CIMProtocolVersion"));
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
            return reject(request, response, callback, 503, null, "server is shutting down");
        }
        try {
            XmlNode root = arrived != null && arrived.root() != null ? arrived.root() : CimXmlParser.parseRequest(body);
            dispatcher.dispatch(root, headers, user, host, Request.getRemoteAddr(request), out);
            out.finish();
        } catch (Exception | StackOverflowError e) {
            if (!watchdog.expired()) {
                failed(e, request, response, callback, headers, body, out);
            }
        } finally {
            alarm.disarm();
            watchdog.done();
        }
        return true;
    }

    /**
     * Takes a well-formed, authenticated CIM request on the connection's I/O thread: its body is collected there
     * without waiting ({@link BodyOnIoThread}), and an operation that {@link CimDispatcher.Prepared#runsWithoutWaiting
     * runs without waiting} is answered there too. Anything else goes to a worker through {@code toWorker}, which finds
     * the bytes read here in the {@link ArrivedBody} attribute. Returns false, having read nothing, for a request the
     * worker must answer from the start (refusals, errors in the headers). Handing a request to a worker costs two
     * thread switches, about half of the server's CPU for a small request; a worker is still needed for anything that
     * may wait, since a waiting I/O thread holds up every connection it serves.
     */
    boolean handleOnIoThread(Request request, Response response, Callback callback, Runnable toWorker) {
        String path = request.getHttpURI().getPath();
        if (!"POST".equals(request.getMethod()) || !("/cimom".equals(path) || "/".equals(path))) {
            return false;
        }
        String user = authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (user == null && !config.allowAnonymous()) {
            return false;
        }
        String operation = request.getHeaders().get("CIMOperation");
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        long declared = request.getLength();
        if (operation == null || !operation.trim().equalsIgnoreCase("MethodCall")
                || request.getHeaders().get("CIMBatch") != null
                || contentType != null && !contentType.regionMatches(true, 0, "application/xml", 0, 15)
                    && !contentType.regionMatches(true, 0, "text/xml", 0, 8)
                || declared <= 0 || declared > config.maxRequestBytes()) {
            return false;
        }
        new BodyOnIoThread(request, response, callback, toWorker, user, (int) declared).run();
        return true;
    }

    private static final int FIRST_BODY_BUFFER = 16 * 1024;

    /**
     * Collects a request body on the I/O thread: what has arrived, then more each time the client sends some (Jetty
     * calls back when it does; no thread waits meanwhile). The SBLIM client writes its headers and its body apart, so
     * the body often arrives just after the headers. The body deadline runs from the first wait and goes with the
     * request to a worker; a body that arrives slower than the minimum rate gets its 408 here.
     */
    private final class BodyOnIoThread implements Invocable.Task {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Runnable toWorker;
        private final String user;
        private final int declared;
        private byte[] body;
        private int count;
        private long firstWait;
        private Deadlines.Armed deadline;

        BodyOnIoThread(Request request, Response response, Callback callback, Runnable toWorker, String user,
                       int declared) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.toWorker = toWorker;
            this.user = user;
            this.declared = declared;
            // Grown as bytes arrive, so memory follows what a client sent, not what its Content-Length announced.
            this.body = new byte[Math.min(declared, FIRST_BODY_BUFFER)];
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        @Override
        public void run() {
            try {
                read();
            } catch (RuntimeException | StackOverflowError e) {
                disarm();
                callback.failed(e);
            }
        }

        private void read() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    if (deadline == null) {
                        firstWait = System.nanoTime();
                        deadline = bodyDeadlines.arm(() -> request.fail(new java.util.concurrent.TimeoutException(
                                "request body not complete within " + config.clientLimits().bodyTimeout())));
                    } else if (tooSlow(count, System.nanoTime() - firstWait)) {
                        disarm();
                        response.getHeaders().put(HttpHeader.CONNECTION, "close");
                        answerSlowBody(response, callback);
                        return;
                    }
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // The worker's read meets the failure again and answers it as it always has.
                    handOver(false, null);
                    return;
                }
                boolean last;
                try {
                    int n = chunk.remaining();
                    if (n > declared - count) {
                        throw new IllegalStateException("request body is longer than its Content-Length");
                    }
                    if (n > body.length - count) {
                        body = Arrays.copyOf(body, (int) Math.min(declared, Math.max(2L * body.length, count + n)));
                    }
                    chunk.get(body, count, n);
                    count += n;
                    last = chunk.isLast();
                } finally {
                    chunk.release();
                }
                if (last) {
                    if (count < declared) {
                        handOver(false, null); // ended early: the worker answers 400
                    } else {
                        disarm();
                        answerOrHandOver();
                    }
                    return;
                }
            }
        }

        private void answerOrHandOver() {
            CimDispatcher.Headers headers = new CimDispatcher.Headers(request.getHeaders().get("CIMMethod"),
                    request.getHeaders().get("CIMObject"), request.getHeaders().get("CIMProtocolVersion"));
            XmlNode root = null;
            CimDispatcher.Prepared prepared;
            try {
                root = CimXmlParser.parseRequest(body);
                prepared = dispatcher.prepare(root, headers, user, Request.getServerName(request),
                        Request.getRemoteAddr(request));
            } catch (RuntimeException e) {
                // The worker answers a malformed request the way it always has.
                handOver(true, root);
                return;
            }
            if (!prepared.runsWithoutWaiting()) {
                handOver(true, root);
                return;
            }
            // One object's response: held whole in memory, then written without waiting for the client to read it.
            ResponseStream out = new ResponseStream(response, callback, Integer.MAX_VALUE);
            try {
                prepared.runOnIoThread(out);
                out.finish();
            } catch (Exception | StackOverflowError e) {
                try {
                    failed(e, request, response, callback, headers, body, out);
                } catch (IOException | RuntimeException again) {
                    callback.failed(again);
                }
            }
        }

        private void handOver(boolean ended, XmlNode root) {
            request.setAttribute(ArrivedBody.ATTRIBUTE, new ArrivedBody(body, count, ended, root,
                    ended ? null : deadline));
            toWorker.run();
        }

        private void disarm() {
            if (deadline != null) {
                deadline.disarm();
            }
        }
    }

    /**
     * The part of a request body that the I/O thread read: {@code count} bytes of the declared length, whether all of
     * it is here, the parsed document when it was parsed, and the body deadline still running (when not all is here).
     */
    record ArrivedBody(byte[] body, int count, boolean ended, XmlNode root, Deadlines.Armed deadline) {
        static final String ATTRIBUTE = ArrivedBody.class.getName();
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

    private void failed(Throwable cause, Request request, Response response, Callback callback,
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

    /**
     * Reads at most maxRequestBytes within the body deadline, after what the I/O thread already took ({@code arrived},
     * may be null); null when the body is larger.
     */
    private byte[] readBody(Request request, ArrivedBody arrived) throws IOException {
        // A body the I/O thread began to read keeps the deadline that started there.
        Deadlines.Armed deadline = arrived != null && arrived.deadline() != null ? arrived.deadline()
                : bodyDeadlines.arm(() -> request.fail(new java.util.concurrent.TimeoutException(
                        "request body not complete within " + config.clientLimits().bodyTimeout())));
        try {
            return readBodyWithin(request, arrived);
        } finally {
            deadline.disarm();
        }
    }

    private byte[] readBodyWithin(Request request, ArrivedBody arrived) throws IOException {
        long limit = config.maxRequestBytes();
        // Not closed on overflow: closing before EOF throws, and the connection is closed after the 413 anyway.
        InputStream in = Content.Source.asInputStream(request);
        long declared = request.getLength();
        if (declared >= 0 && declared <= limit) {
            return readDeclared(in, (int) declared, arrived);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1024);
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        long start = System.nanoTime();
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
            checkRate(total, System.nanoTime() - start);
        }
        in.close();
        if (request.getLength() >= 0 && total < request.getLength()) {
            throw new EOFException("body ended after " + total + " bytes");
        }
        return out.toByteArray();
    }

    /**
     * Reads a body whose Content-Length is known (and within the limit) straight into an array of that size: no copy
     * buffer and no growing stream per request, which were a quarter of the bytes the server allocated per GetInstance.
     */
    private byte[] readDeclared(InputStream in, int length, ArrivedBody arrived) throws IOException {
        byte[] body = arrived == null ? new byte[length] : Arrays.copyOf(arrived.body(), length);
        int total = arrived == null ? 0 : arrived.count();
        long start = System.nanoTime();
        while (total < length) {
            int n = in.read(body, total, length - total);
            if (n < 0) {
                throw new EOFException("body ended after " + total + " bytes");
            }
            total += n;
            checkRate(total, System.nanoTime() - start);
        }
        // Jetty frames the body by its Content-Length, so this read only meets the end, which releases the request's
        // last content as the old loop's final read did.
        if (in.read() >= 0) {
            throw new IOException("request body is longer than its Content-Length");
        }
        in.close();
        return body;
    }

    /** True when the body read failed because the client's stream ended, not because it was slow. */
    private static boolean endedEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.io.EofException || t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    /** Grace before the average rate counts: a client's first bytes may follow its headers a little later. */
    private static final long RATE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private void checkRate(long bytes, long elapsedNanos) throws IOException {
        if (tooSlow(bytes, elapsedNanos)) {
            throw new IOException("request body arrives at less than "
                    + config.clientLimits().minRequestBytesPerSecond() + " bytes per second");
        }
    }

    private boolean tooSlow(long bytes, long elapsedNanos) {
        long min = config.clientLimits().minRequestBytesPerSecond();
        return min > 0 && elapsedNanos > RATE_GRACE_NANOS && bytes * TimeUnit.SECONDS.toNanos(1) / elapsedNanos < min;
    }

    private void answerSlowBody(Response response, Callback callback) {
        EarlyAnswer.send(response, callback, 408, null, "request body not received in time (at least "
                + config.clientLimits().minRequestBytesPerSecond() + " bytes/s, all within "
                + config.clientLimits().bodyTimeout().toSeconds() + " s)");
    }

    private static void drain(Request request, long cap) throws IOException {
        InputStream in = Content.Source.asInputStream(request);
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while (total <= cap && (n = in.read(buffer)) >= 0) {
            total += n;
        }
        if (total <= cap) {
            in.close();
        }
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
    private boolean refuse(Request request, Response response, Callback callback, int status, String text) {
        if (request.getLength() != 0 && !dropArrivedBody(request)) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        EarlyAnswer.send(response, callback, status, null, text);
        return true;
    }

    /** Drops the body's bytes that are already here, never waiting and never more than the limit; true if all were. */
    private boolean dropArrivedBody(Request request) {
        long left = config.maxRequestBytes();
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                return false;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    return false;
                }
                left -= chunk.remaining();
                if (chunk.isLast()) {
                    return left >= 0;
                }
                if (left < 0) {
                    return false;
                }
            } finally {
                chunk.release();
            }
        }
    }

    /** Answers without a CIM body, after reading what the client sent so the reply is not lost to a reset. */
    private boolean reject(Request request, Response response, Callback callback, int status, String cimError,
                           String text) throws IOException {
        if (request.getLength() <= config.maxRequestBytes()) {
            drain(request, config.maxRequestBytes());
        }
        EarlyAnswer.send(response, callback, status, cimError, text);
        return true;
    }
}
