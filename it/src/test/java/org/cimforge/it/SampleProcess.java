package org.cimforge.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cimforge.runtime.launch.ProviderLauncher;

/**
 * The packaged sample provider run as its own operating-system process, exactly as the README starts it: free
 * loopback ports, a data directory of the test's choosing, its output kept in a log file for failures.
 */
final class SampleProcess implements AutoCloseable {
    static final String USER = "it-admin";
    static final String PASSWORD = "it-secret-42";
    static final String NAMESPACE = "root/cimforge";
    private static final AtomicInteger STARTS = new AtomicInteger();

    private final Process process;
    private final int httpPort;
    private final int httpsPort;
    private final Path log;

    private SampleProcess(Process process, int httpPort, int httpsPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.log = log;
    }

    /** The jar the build produced; a missing jar is a failure, never a skip. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("cimforge.sample.jar", "../generated-sample/target/cimforge-sample.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the sample provider jar " + jar.toAbsolutePath()
                    + " is missing: build generated-sample first (./mvnw -B verify builds it)");
        }
        return jar;
    }

    /** Starts the provider on free ports with the given data directory (null: in memory) and extra flags. */
    static SampleProcess start(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
        int http = freePort();
        int https = freePort();
        return start(dataDir, http, https, extraArgs);
    }

    /** Starts the provider on the given ports (to restart one on the same address). */
    static SampleProcess start(Path dataDir, int http, int https, String... extraArgs)
            throws IOException, InterruptedException {
        Path logs = Path.of(System.getProperty("cimforge.it.logs", "target/it-logs"));
        Files.createDirectories(logs);
        Path log = logs.resolve("sample-" + ProcessHandle.current().pid() + "-" + STARTS.incrementAndGet() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The JVM options of the README's launch command.
        command.addAll(List.of(ProviderLauncher.RECOMMENDED_JVM_OPTIONS.split(" ")));
        command.addAll(List.of("-jar", jar().toString(),
                "--http-port", String.valueOf(http), "--https-port", String.valueOf(https),
                "--user", USER, "--password", PASSWORD));
        if (dataDir != null) {
            command.addAll(List.of("--data-dir", dataDir.toString()));
        }
        command.addAll(List.of(extraArgs));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SampleProcess sample = new SampleProcess(p, http, https, log);
        sample.awaitReady(Duration.ofSeconds(90));
        return sample;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    int httpPort() {
        return httpPort;
    }

    int httpsPort() {
        return httpsPort;
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    String httpsUrl() {
        return "https://127.0.0.1:" + httpsPort;
    }

    Path log() {
        return log;
    }

    /** The provider's output so far, for assertion messages. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ready means a real CIM operation answers, not merely an open port. */
    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the sample provider exited with " + process.exitValue()
                        + " before it was ready:\n" + output());
            }
            try {
                HttpResponse<String> r = http.send(cimRequest("EnumerateInstanceNames",
                        "root/interop", "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"CIM_ObjectManager\"/>"
                                + "</IPARAMVALUE>").build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("IMETHODRESPONSE")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the sample provider did not become ready within " + timeout + ":\n"
                + output());
    }

    /** An authenticated CIM-XML intrinsic request with the given IPARAMVALUE elements. */
    HttpRequest.Builder request(String method, String namespace, String params) {
        return cimRequest(method, namespace, params);
    }

    private HttpRequest.Builder cimRequest(String method, String namespace, String params) {
        return HttpRequest.newBuilder(URI.create(url() + "/cimom")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/xml; charset=\"utf-8\"")
                .header("CIMOperation", "MethodCall").header("CIMMethod", method)
                .header("CIMObject", namespace.replace("/", "%2F"))
                .header("Authorization", basic(USER, PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(intrinsic(method, namespace, params)));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The CIM-XML envelope of an intrinsic method call. */
    static String intrinsic(String method, String namespace, String params) {
        StringBuilder ns = new StringBuilder();
        for (String part : namespace.split("/")) {
            ns.append("<NAMESPACE NAME=\"").append(part).append("\"/>");
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                + "<MESSAGE ID=\"1001\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"" + method + "\">"
                + "<LOCALNAMESPACEPATH>" + ns + "</LOCALNAMESPACEPATH>" + params
                + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
    }

    /** SIGTERM, as Ctrl-C or a service manager would stop it; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("the sample provider did not stop within 30 s:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: the process gets no chance to clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
