package org.cimforge.runtime.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cimforge.runtime.server.dispatch.ResponseSink;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Where an operation writes its response body. Small responses are held in memory and sent with a Content-Length,
 * so they can still be replaced by an error (or by the timeout answer) up to the end; once a response outgrows
 * {@code threshold} it is committed (status 200, chunked) and every further {@code threshold} bytes go straight to
 * the connection, so memory stays flat however many instances are written.
 *
 * <p>One thread writes (the operation); another (the HTTP thread) may {@link #abandon} it while nothing is
 * committed. Whoever wins that race owns the response; the Jetty callback is completed exactly once.
 */
final class ResponseStream extends ResponseSink {
    private static final int OPEN = 0;
    private static final int STREAMING = 1;
    private static final int DONE = 2;
    private static final int ABANDONED = 3;

    private final Response response;
    private final Callback callback;
    private final int threshold;
    private final AtomicInteger state = new AtomicInteger(OPEN);
    private final AtomicBoolean completed = new AtomicBoolean();
    private byte[] buffer;
    private int count;
    private OutputStream downstream;

    /** A stream over a Jetty response; {@code response} null keeps everything in memory (for {@link #bytes}). */
    ResponseStream(Response response, Callback callback, int threshold) {
        this.response = response;
        this.callback = callback;
        this.threshold = response == null ? Integer.MAX_VALUE : threshold;
        // 4 KiB holds a typical single-instance response; bigger ones grow the buffer by doubling.
        this.buffer = new byte[response == null ? 4096 : Math.min(4096, threshold)];
    }

    @Override
    public void write(int b) throws IOException {
        // Single bytes come from writers that encode one byte at a time; buffered writers use the array form.
        if (count < buffer.length) {
            buffer[count++] = (byte) b;
            return;
        }
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int s = state.get();
        if (s == ABANDONED || s == DONE) {
            throw new IOException("the response was already answered");
        }
        if (count + len > buffer.length) {
            if (s == OPEN && count + len <= threshold) {
                buffer = Arrays.copyOf(buffer, Math.min(threshold, Math.max(buffer.length * 2, count + len)));
            } else {
                if (s == OPEN) {
                    commit();
                }
                downstream.write(buffer, 0, count);
                count = 0;
                if (buffer.length < threshold) {
                    buffer = new byte[threshold];
                }
                if (len >= buffer.length) {
                    downstream.write(b, off, len);
                    return;
                }
            }
        }
        System.arraycopy(b, off, buffer, count, len);
        count += len;
    }

    private void commit() throws IOException {
        if (!state.compareAndSet(OPEN, STREAMING)) {
            throw new IOException("the response was already answered");
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml; charset=utf-8");
        response.getHeaders().put("CIMOperation", "MethodResponse");
        downstream = Content.Sink.asOutputStream(response);
    }

    @Override
    public boolean reset() {
        if (state.get() != OPEN) {
            return false;
        }
        count = 0;
        return true;
    }

    /** Whether part of the response has already gone to the client. */
    boolean committed() {
        return state.get() == STREAMING;
    }

    /** Takes the response away from the writer when nothing is committed yet; true when that succeeded. */
    boolean abandon() {
        return state.compareAndSet(OPEN, ABANDONED);
    }

    /** The bytes of an in-memory stream. */
    byte[] bytes() {
        return Arrays.copyOf(buffer, count);
    }

    /** Sends what is left and completes the HTTP exchange. */
    void finish() throws IOException {
        if (response == null) {
            return;
        }
        if (state.compareAndSet(OPEN, DONE)) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml; charset=utf-8");
            response.getHeaders().put("CIMOperation", "MethodResponse");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, count);
            ByteBuffer body = ByteBuffer.wrap(buffer, 0, count);
            if (completed.compareAndSet(false, true)) {
                response.write(true, body, callback);
            }
            return;
        }
        if (state.compareAndSet(STREAMING, DONE)) {
            try {
                downstream.write(buffer, 0, count);
                count = 0;
                downstream.close();
                if (completed.compareAndSet(false, true)) {
                    callback.succeeded();
                }
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
            return;
        }
        throw new IOException("the response was already answered");
    }

    /** Aborts a committed response (the client sees a broken chunked body rather than a wrong one). */
    void fail(Throwable cause) {
        state.set(DONE);
        if (completed.compareAndSet(false, true)) {
            callback.failed(cause);
        }
    }
}
