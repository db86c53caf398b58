package org.cimforge.runtime.server.dispatch;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/**
 * Where the dispatcher writes a response body: an output stream that can still be rewound to nothing while no
 * byte has gone to the client, so that a failure half-way through can be answered with an ERROR instead.
 */
public abstract class ResponseSink extends OutputStream {
    /** Discards what was written so far when nothing is committed yet; false once streaming has begun. */
    public abstract boolean reset();

    /** A sink held in memory, for callers that want the body as bytes. */
    static final class InMemory extends ResponseSink {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public boolean reset() {
            bytes.reset();
            return true;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
