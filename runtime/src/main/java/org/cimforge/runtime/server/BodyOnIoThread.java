package org.cimforge.runtime.server;

import java.io.IOException;
import java.util.Arrays;
import org.cimforge.runtime.cimxml.CimXmlParser;
import org.cimforge.runtime.cimxml.XmlNode;
import org.cimforge.runtime.server.dispatch.CimDispatcher;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Collects an admitted request's body on the I/O thread: what has arrived, then more each time the client sends some
 * (Jetty calls back when it does; no thread waits meanwhile). The SBLIM client writes its headers and its body apart,
 * so the body often arrives just after the headers. Once all of it is here, an operation that runs without waiting is
 * answered here; anything else goes to a worker with an {@link ArrivedBody}. The body deadline runs from the first
 * wait and goes with the request to its worker; a body that arrives slower than the minimum rate gets its 408 here.
 */
final class BodyOnIoThread implements Invocable.Task {
    private static final int FIRST_BUFFER = 16 * 1024;

    private final CimHttpHandler handler;
    private final CimDispatcher dispatcher;
    private final RequestBodies bodies;
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

    BodyOnIoThread(CimHttpHandler handler, CimDispatcher dispatcher, RequestBodies bodies, Request request,
                   Response response, Callback callback, Runnable toWorker, String user, int declared) {
        this.handler = handler;
        this.dispatcher = dispatcher;
        this.bodies = bodies;
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.toWorker = toWorker;
        this.user = user;
        this.declared = declared;
        // Grown as bytes arrive, so memory follows what a client sent, not what its Content-Length announced.
        this.body = new byte[Math.min(declared, FIRST_BUFFER)];
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
                    deadline = bodies.armDeadline(request);
                } else if (bodies.tooSlow(count, System.nanoTime() - firstWait)) {
                    disarm();
                    response.getHeaders().put(HttpHeader.CONNECTION, "close");
                    bodies.answerTooSlow(response, callback);
                    return;
                }
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                // The worker's read meets the failure again and answers it as it always has.
                handOver(false, null, null);
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
                    handOver(false, null, null); // ended early: the worker answers 400
                } else {
                    disarm();
                    answerOrHandOver();
                }
                return;
            }
        }
    }

    private void answerOrHandOver() {
        CimDispatcher.Headers headers = CimHttpHandler.cimHeaders(request);
        XmlNode root = null;
        CimDispatcher.Prepared prepared;
        try {
            root = CimXmlParser.parseRequest(body);
            prepared = dispatcher.prepare(root, headers, user, Request.getServerName(request),
                    Request.getRemoteAddr(request));
        } catch (RuntimeException e) {
            // The worker answers a malformed request the way it always has.
            handOver(true, root, null);
            return;
        }
        if (!prepared.runsWithoutWaiting()) {
            handOver(true, root, prepared);
            return;
        }
        // One object's response: held whole in memory, then written without waiting for the client to read it.
        ResponseStream out = new ResponseStream(response, callback, Integer.MAX_VALUE);
        try {
            prepared.runOnIoThread(out);
            out.finish();
        } catch (Exception | StackOverflowError e) {
            try {
                handler.answerFailure(e, request, response, callback, headers, body, out);
            } catch (IOException | RuntimeException again) {
                callback.failed(again);
            }
        }
    }

    private void handOver(boolean ended, XmlNode root, CimDispatcher.Prepared prepared) {
        request.setAttribute(ArrivedBody.ATTRIBUTE, new ArrivedBody(user, body, count, ended, root, prepared,
                ended ? null : deadline));
        toWorker.run();
    }

    private void disarm() {
        if (deadline != null) {
            deadline.disarm();
        }
    }
}
