package org.cimforge.runtime.server.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server JVM started as a child process, seen from outside through Linux's {@code /proc}: its resident memory,
 * the CPU time of the whole process and of the threads whose names start with a prefix. Shared with the sample
 * benchmark (generated-sample) through the runtime's tests jar.
 */
public final class ChildJvm implements AutoCloseable {
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output unreadable: " + e.getMessage() + ")");
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java <jvmOptions> <arguments>} with stderr merged into stdout. */
    public static ChildJvm start(List<String> jvmOptions, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(arguments);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        return new ChildJvm(pb.start());
    }

    /** Waits for an output line containing {@code marker}; fails with the output so far after {@code seconds}. */
    public String awaitLine(String marker, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.append(line).append('\n');
                if (line.contains(marker)) {
                    return line;
                }
            } else if (!process.isAlive()) {
                break;
            }
        }
        throw new IllegalStateException("the child JVM did not print '" + marker + "'; its output:\n" + seen);
    }

    /** The output lines not read yet. */
    public List<String> drainOutput() {
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        return rest;
    }

    public long pid() {
        return process.pid();
    }

    /** A field of {@code /proc/<pid>/status} in KiB (VmRSS: resident now; VmHWM: the peak). */
    public long statusKib(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid() + "/status");
    }

    /** User + system CPU of the whole process so far, threads that ended included (10 ms resolution). */
    /** Resident memory now and at its peak, from /proc/PID/status, as "N MB (peak M MB)". */
    public String memory() throws IOException {
        return String.format(java.util.Locale.ROOT, "%d MB (peak %d MB)", statusKib("VmRSS") / 1024,
                statusKib("VmHWM") / 1024);
    }

    /** The machine's load averages (1, 5, 15 minutes), printed with every figure because load moves them. */
    public static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    public long processCpuNanos() throws IOException {
        long[] times = userAndSystemTicks(Files.readString(Path.of("/proc", String.valueOf(pid()), "stat")));
        return (times[0] + times[1]) * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /**
     * CPU time of the live threads whose (kernel, at most 15 characters) names start with {@code prefix}, from each
     * thread's {@code schedstat} (nanoseconds on a CPU).
     */
    public long threadCpuNanos(String prefix) throws IOException {
        return threadCpuNanos(new String[] {prefix});
    }

    /** CPU time of the live threads whose names start with any of {@code prefixes}. */
    public long threadCpuNanos(String... prefixes) throws IOException {
        long total = 0;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (Arrays.stream(prefixes).anyMatch(name::startsWith)) {
                        total += Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                    }
                } catch (IOException ended) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return total;
    }

    /** Thread-name prefixes of HotSpot's garbage collection: Serial collects on the VM thread, G1 on its own. */
    public static final String[] GC_THREADS = {"VM Thread", "GC Thread", "G1 "};
    /** Thread-name prefixes of HotSpot's JIT compilers. */
    public static final String[] JIT_THREADS = {"C1 CompilerThre", "C2 CompilerThre"};

    /** The CPU of the server, the collector and the compiler threads, and the whole process, as one snapshot. */
    public long[] cpuSnapshot() throws IOException {
        return new long[] {threadCpuNanos("cim-"), threadCpuNanos(GC_THREADS), threadCpuNanos(JIT_THREADS),
            processCpuNanos()};
    }

    /** The difference of two snapshots per request, in microseconds, as text. */
    public static String perRequest(long[] before, long[] after, long requests) {
        return String.format(java.util.Locale.ROOT, "server threads (cim-*) %.0f us, garbage collection %.0f us, "
                        + "JIT %.0f us, whole process %.0f us", (after[0] - before[0]) / 1e3 / requests,
                (after[1] - before[1]) / 1e3 / requests, (after[2] - before[2]) / 1e3 / requests,
                (after[3] - before[3]) / 1e3 / requests);
    }

    private static long[] userAndSystemTicks(String stat) {
        // The command name (field 2) may hold spaces; fields after its closing parenthesis are plain numbers.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
    }

    /** SIGTERM, then SIGKILL if the process has not ended after 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
