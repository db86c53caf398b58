package org.cimforge.runtime.server;

import java.io.IOException;
import java.io.InputStream;

/** Reads the status code of an HTTP answer from a raw socket, for tests that speak HTTP by hand. */
public final class StatusLine {
    private StatusLine() {
    }

    /** The status code of the first answer on the stream, or -1 when the server closed it without one. */
    public static int read(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.append((char) b);
        }
        return line.length() >= 12 ? Integer.parseInt(line.substring(9, 12)) : -1;
    }
}
