package org.cimforge.runtime.indication;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;

/**
 * Posts ExportIndication requests with {@link HttpClient} (HTTP/1.1, persistent connections). HTTPS listeners are
 * checked against the JVM's trust store unless {@link DeliverySettings#trustAllCertificates()} is set.
 */
final class ExportSender {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cim-indication-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final HttpClient client;
    private final DeliverySettings settings;

    ExportSender(DeliverySettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER);
        // The client keeps its own executor: sharing the delivery workers' pool could starve its internal tasks
        // while every worker waits in send().
        if (settings.trustAllCertificates()) {
            builder.sslContext(trustingEverything());
        }
        this.client = builder.build();
    }

    /** Sends one request; null on success, otherwise why it failed. Never throws for a listener's fault. */
    String send(URI url, byte[] body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(settings.requestTimeout())
                .header("Content-Type", "application/xml; charset=utf-8")
                // One media type: listeners that follow DSP0200 strictly (pywbem's) refuse a list with 406.
                .header("Accept", "application/xml")
                .header("CIMExport", "MethodRequest")
                .header("CIMExportMethod", "ExportIndication")
                .header("CIMProtocolVersion", "1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String userInfo = url.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            String decoded = java.net.URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        // The synchronous send runs the exchange with far fewer thread hand-offs than sendAsync().get() (measured
        // here: about three times the rate on loopback). The request timeout only covers the wait for the response
        // headers, so a watchdog interrupts a send that has not finished within twice that: a listener that stops in
        // the middle of its answer cannot hold the destination's queue for ever.
        Watchdog watchdog = new Watchdog(Thread.currentThread());
        ScheduledFuture<?> alarm = WATCHDOG.schedule(watchdog::expire, settings.requestTimeout().toMillis() * 2,
                TimeUnit.MILLISECONDS);
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            if (watchdog.clear()) {
                return "no complete answer from " + withoutUserInfo(url) + " within " + settings.requestTimeout()
                        .multipliedBy(2);
            }
            throw e;
        } catch (IOException e) {
            if (watchdog.clear()) {
                return "no complete answer from " + withoutUserInfo(url) + " within " + settings.requestTimeout()
                        .multipliedBy(2);
            }
            return "cannot reach " + withoutUserInfo(url) + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (IllegalArgumentException | SecurityException e) {
            return "cannot send to " + withoutUserInfo(url) + ": " + e.getMessage();
        } finally {
            alarm.cancel(false);
            if (watchdog.clear()) {
                // The alarm fired just as the send returned: the interrupt was meant for the send, not the worker.
                Thread.interrupted();
            }
        }
        if (response.statusCode() != 200) {
            return "the listener answered HTTP " + response.statusCode() + errorHeaders(response);
        }
        return ExportRequests.failureIn(response.body());
    }

    /**
     * The listener's reasons for an HTTP error: the DSP0200 CIMError header and the free-text detail headers that
     * listeners use for it (pywbem: CIMErrorDetails; OpenPegasus: PGErrorDetail), shortened for a log line.
     */
    private static String errorHeaders(HttpResponse<?> response) {
        StringBuilder out = new StringBuilder();
        response.headers().firstValue("CIMError").ifPresent(v -> out.append(" CIMError: ").append(v));
        for (String detail : new String[] {"CIMErrorDetails", "PGErrorDetail"}) {
            response.headers().firstValue(detail).ifPresent(v -> out.append(", ").append(detail).append(": ")
                    .append(v.length() > 300 ? v.substring(0, 300) + "..." : v));
        }
        return out.toString();
    }

    /** Interrupts a worker whose send overran its time; remembers that it did so the interrupt can be told apart. */
    private static final class Watchdog {
        private final Thread worker;
        private boolean armed = true;
        private boolean fired;

        Watchdog(Thread worker) {
            this.worker = worker;
        }

        synchronized void expire() {
            if (armed) {
                fired = true;
                worker.interrupt();
            }
        }

        /** Disarms; true when the alarm had fired. */
        synchronized boolean clear() {
            armed = false;
            return fired;
        }
    }

    static String withoutUserInfo(URI url) {
        return url.getRawUserInfo() == null ? url.toString() : url.toString().replace(url.getRawUserInfo() + "@", "");
    }

    /** An SSL context that accepts any certificate and host name: development listeners with self-signed certificates. */
    private static SSLContext trustingEverything() {
        TrustManager trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
