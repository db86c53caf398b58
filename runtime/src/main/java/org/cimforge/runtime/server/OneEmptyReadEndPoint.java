package org.cimforge.runtime.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A plain socket end point that answers a read tried right after one that found nothing without a second system
 * call. Jetty's HTTP/1 connection retries every empty read once (that helps TLS, whose layer can make bytes on a
 * second call); on a plain socket the retry finds nothing too, about once per request on a keep-alive connection. A
 * read that returns 0 only means "nothing now", after which Jetty waits for the selector, which reports the socket
 * as soon as bytes arrive, so answering 0 early loses nothing.
 */
final class OneEmptyReadEndPoint extends SocketChannelEndPoint {
    private volatile boolean lastReadEmpty;

    OneEmptyReadEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler) {
        super(channel, selector, key, scheduler);
    }

    @Override
    public int fill(ByteBuffer buffer) throws IOException {
        if (lastReadEmpty) {
            lastReadEmpty = false;
            return 0;
        }
        int filled = super.fill(buffer);
        lastReadEmpty = filled == 0;
        return filled;
    }

    @Override
    protected void needsFillInterest() {
        lastReadEmpty = false;
        super.needsFillInterest();
    }

    @Override
    public Runnable onSelected() {
        lastReadEmpty = false;
        return super.onSelected();
    }
}
