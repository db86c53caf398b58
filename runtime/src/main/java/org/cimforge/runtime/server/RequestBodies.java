package org.cimforge.runtime.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Request bodies within the client limits: at most {@code maxRequestBytes}, all of it within the body deadline, at
 * least the minimum rate after a grace period; and bodies dropped that no one will read.
 */
final class RequestBodies {
    /** Grace before the average rate counts: a client's first bytes may follow its headers a little later. */
    private static final long RATE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final CimServerConfig config;
    private final Deadlines.Lane deadlines;

    RequestBodies(CimServerConfig config, Deadlines timeouts) {
        this.config = config;
        this.deadlines = timeouts.lane(config.clientLimits().bodyTimeout());
    }

    /** Starts the body deadline: when it passes, the request's reads fail. */
    Deadlines.Armed armDeadline(Request request) {
        return deadlines.arm(() -> request.fail(new TimeoutException(
                "request body not complete within " + config.clientLimits().bodyTimeout())));
    }

    /**
     * Reads at most maxRequestBytes within the body deadline, after what the I/O thread already took ({@code arrived},
     * may be null); null when the body is larger.
     */
    byte[] read(Request request, ArrivedBody arrived) throws IOException {
        // A body the I/O thread began to read keeps the deadline that started there.
        Deadlines.Armed deadline = arrived != null && arrived.deadline() != null ? arrived.deadline()
                : armDeadline(request);
        try {
            return readWithin(request, arrived);
        } finally {
            deadline.disarm();
        }
    }

    private byte[] readWithin(Request request, ArrivedBody arrived) throws IOException {
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
    static boolean endedEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.io.EofException || t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    private void checkRate(long bytes, long elapsedNanos) throws IOException {
        if (tooSlow(bytes, elapsedNanos)) {
            throw new IOException("request body arrives at less than "
                    + config.clientLimits().minRequestBytesPerSecond() + " bytes per second");
        }
    }

    /** Whether {@code bytes} in {@code elapsedNanos} is below the minimum rate (never within the grace period). */
    boolean tooSlow(long bytes, long elapsedNanos) {
        long min = config.clientLimits().minRequestBytesPerSecond();
        return min > 0 && elapsedNanos > RATE_GRACE_NANOS && bytes * TimeUnit.SECONDS.toNanos(1) / elapsedNanos < min;
    }

    /** The 408 for a body too slow or past its deadline. */
    void answerTooSlow(Response response, Callback callback) {
        EarlyAnswer.send(response, callback, 408, null, "request body not received in time (at least "
                + config.clientLimits().minRequestBytesPerSecond() + " bytes/s, all within "
                + config.clientLimits().bodyTimeout().toSeconds() + " s)");
    }

    /** Reads and drops up to {@code cap} bytes (waiting for them), so that an answer is not lost to a reset. */
    static void drain(Request request, long cap) throws IOException {
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

    /** Drops the body's bytes that are already here, never waiting and never more than the limit; true if all were. */
    boolean dropArrived(Request request) {
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
}
