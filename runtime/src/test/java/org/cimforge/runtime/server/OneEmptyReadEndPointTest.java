package org.cimforge.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OneEmptyReadEndPointTest {

    @Test
    void onlyTheReadRightAfterAnEmptyOneIsAnsweredWithoutTheSocketAndNoByteIsLost() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel client = SocketChannel.open(listener.getLocalAddress());
                    SocketChannel accepted = listener.accept()) {
                accepted.configureBlocking(false);
                OneEmptyReadEndPoint endPoint = new OneEmptyReadEndPoint(accepted, null, null, null);
                ByteBuffer buffer = ByteBuffer.allocate(64);
                buffer.flip();

                assertThat(endPoint.fill(buffer)).isZero(); // nothing sent yet: a real empty read
                client.write(ByteBuffer.wrap("abc".getBytes(StandardCharsets.US_ASCII)));
                waitUntilReadable();
                // Jetty's immediate retry: answered 0 although bytes are there, which only means "wait for the selector".
                assertThat(endPoint.fill(buffer)).isZero();
                assertThat(endPoint.fill(buffer)).isEqualTo(3);
                assertThat(StandardCharsets.US_ASCII.decode(buffer).toString()).isEqualTo("abc");

                buffer.clear().flip();
                client.write(ByteBuffer.wrap("de".getBytes(StandardCharsets.US_ASCII)));
                waitUntilReadable();
                // After a read that found bytes, the next one asks the socket.
                assertThat(endPoint.fill(buffer)).isEqualTo(2);
            }
        }
    }

    /** Loopback delivers within the write call; a short pause keeps the test independent of that. */
    private static void waitUntilReadable() throws InterruptedException {
        Thread.sleep(20);
    }
}
