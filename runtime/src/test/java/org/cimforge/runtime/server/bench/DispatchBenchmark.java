package org.cimforge.runtime.server.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cimforge.runtime.cimxml.CimXmlParser;
import org.cimforge.runtime.cimxml.XmlNode;
import org.cimforge.runtime.server.dispatch.CimDispatcher;
import org.cimforge.runtime.server.dispatch.ResponseSink;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.cimforge.runtime.store.CimInstanceStore;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * The server's own share of a request without HTTP: parse the CIM-XML body and dispatch it, the response written to
 * a sink that discards it, on one thread. Prints CPU time and allocation per operation for GetInstance, CreateInstance
 * (into the instance store and into a map provider), EnumerateInstances and EnumerateInstanceNames of 10,000. Meant
 * for A/B runs of a change (old and new class directories alternating): it is quieter than the HTTP benchmark because
 * neither Jetty nor the client share the measured thread. Arguments pick the parts: get, create, enumerate, names.
 */
public final class DispatchBenchmark {

    private DispatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        List<String> parts = args.length == 0 ? List.of("get", "create", "enumerate", "names") : List.of(args);
        int rounds = Integer.getInteger("rounds", 5);
        for (String part : parts) {
            switch (part) {
                case "get" -> get(rounds);
                case "create" -> {
                    create(rounds, true);
                    create(rounds, false);
                }
                case "enumerate" -> enumerate(rounds, false);
                case "names" -> enumerate(rounds, true);
                default -> throw new IllegalArgumentException("unknown part " + part);
            }
        }
    }

    /** Discards the response, counting its bytes. */
    static final class Discard extends ResponseSink {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }

        @Override
        public boolean reset() {
            bytes = 0;
            return true;
        }
    }

    static CimDispatcher dispatcher(CimInstanceProvider provider) throws Exception {
        return new CimDispatcher(ServerBenchmark.repository(),
                new CimProviderRegistry().instances(ServerBenchmark.NS, ServerBenchmark.CLASS, provider));
    }

    static String envelope(String method, String params) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"7\" "
                + "PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"" + method + "\"><LOCALNAMESPACEPATH>"
                + "<NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"bench\"/></LOCALNAMESPACEPATH>" + params
                + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
    }

    static final String FLAGS = "<IPARAMVALUE NAME=\"LocalOnly\"><VALUE>FALSE</VALUE></IPARAMVALUE>"
            + "<IPARAMVALUE NAME=\"IncludeQualifiers\"><VALUE>FALSE</VALUE></IPARAMVALUE>"
            + "<IPARAMVALUE NAME=\"IncludeClassOrigin\"><VALUE>FALSE</VALUE></IPARAMVALUE>";

    static byte[] getBody(int n) {
        return envelope("GetInstance", "<IPARAMVALUE NAME=\"InstanceName\"><INSTANCENAME CLASSNAME=\""
                + ServerBenchmark.CLASS + "\"><KEYBINDING NAME=\"InstanceID\"><KEYVALUE VALUETYPE=\"string\">"
                + ServerBenchmark.id(n) + "</KEYVALUE></KEYBINDING></INSTANCENAME></IPARAMVALUE>" + FLAGS)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A CreateInstance body in the form the SBLIM client sends: every property with its TYPE, arrays as VALUE.ARRAY. */
    static byte[] createBody(CIMInstance instance) {
        StringBuilder b = new StringBuilder("<IPARAMVALUE NAME=\"NewInstance\"><INSTANCE CLASSNAME=\"")
                .append(instance.getClassName()).append("\">");
        for (CIMProperty<?> p : instance.getProperties()) {
            String type = typeName(p.getDataType());
            if (p.getDataType().isArray()) {
                b.append("<PROPERTY.ARRAY NAME=\"").append(p.getName()).append("\" TYPE=\"").append(type)
                        .append("\"><VALUE.ARRAY>");
                for (Object v : (Object[]) p.getValue()) {
                    b.append("<VALUE>").append(v).append("</VALUE>");
                }
                b.append("</VALUE.ARRAY></PROPERTY.ARRAY>");
            } else {
                String v = String.valueOf(p.getValue());
                b.append("<PROPERTY NAME=\"").append(p.getName()).append("\" TYPE=\"").append(type).append("\"><VALUE>")
                        .append(p.getValue() instanceof Boolean ? v.toUpperCase(Locale.ROOT) : v)
                        .append("</VALUE></PROPERTY>");
            }
        }
        b.append("</INSTANCE></IPARAMVALUE>");
        return envelope("CreateInstance", b.toString()).getBytes(StandardCharsets.UTF_8);
    }

    static String typeName(CIMDataType t) {
        return switch (t.getType()) {
            case CIMDataType.STRING -> "string";
            case CIMDataType.UINT16 -> "uint16";
            case CIMDataType.UINT32 -> "uint32";
            case CIMDataType.UINT64 -> "uint64";
            case CIMDataType.SINT32 -> "sint32";
            case CIMDataType.SINT64 -> "sint64";
            case CIMDataType.BOOLEAN -> "boolean";
            case CIMDataType.REAL64 -> "real64";
            case CIMDataType.DATETIME -> "datetime";
            default -> throw new IllegalArgumentException("no bench type " + t);
        };
    }

    static void run(CimDispatcher d, String method, byte[] body, Discard out) throws Exception {
        XmlNode root = CimXmlParser.parseRequest(body);
        d.dispatch(root, new CimDispatcher.Headers(method, "root%2Fbench", "1.0"), "bench", "127.0.0.1", "127.0.0.1",
                out);
    }

    static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    static void report(String what, int round, long ops, long cpuNanos, long bytes, long responseBytes) {
        System.out.printf(Locale.ROOT, "%s, round %d: %.2f us CPU per operation, %,d bytes allocated per operation "
                + "(%,d operations, last response %,d bytes)%n", what, round, cpuNanos / 1e3 / ops, bytes / ops, ops,
                responseBytes);
    }

    static void get(int rounds) throws Exception {
        int size = 10_000;
        CimDispatcher d = dispatcher(new ServerBenchmark.StoredItems(size));
        List<byte[]> bodies = new ArrayList<>();
        for (int n = 0; n < size; n++) {
            bodies.add(getBody(n));
        }
        Discard out = new Discard();
        int ops = 100_000;
        for (int r = -3; r < rounds; r++) {
            long c = cpu();
            long a = allocated();
            for (int i = 0; i < ops; i++) {
                out.bytes = 0;
                run(d, "GetInstance", bodies.get((i * 7919) % size), out);
            }
            if (r >= 0) {
                report("GetInstance, 10,000 instances", r, ops, cpu() - c, allocated() - a, out.bytes);
            }
        }
    }

    static void create(int rounds, boolean intoStore) throws Exception {
        int ops = 20_000;
        Discard out = new Discard();
        for (int r = -3; r < rounds; r++) {
            CimDispatcher d = dispatcher(intoStore ? new CimInstanceStore(ServerBenchmark.repository(), ops)
                    : new ServerBenchmark.CreatedItems());
            byte[][] bodies = new byte[ops][];
            for (int i = 0; i < ops; i++) {
                bodies[i] = createBody(ServerBenchmark.item(i));
            }
            long c = cpu();
            long a = allocated();
            for (int i = 0; i < ops; i++) {
                out.bytes = 0;
                run(d, "CreateInstance", bodies[i], out);
            }
            if (r >= 0) {
                report("CreateInstance into " + (intoStore ? "CimInstanceStore" : "a map provider"), r, ops,
                        cpu() - c, allocated() - a, out.bytes);
            }
            if (out.bytes < 300) {
                throw new IllegalStateException("no instance path in the response");
            }
        }
    }

    static void enumerate(int rounds, boolean names) throws Exception {
        int size = 10_000;
        CimDispatcher d = dispatcher(new ServerBenchmark.StoredItems(size));
        String method = names ? "EnumerateInstanceNames" : "EnumerateInstances";
        byte[] body = envelope(method,
                "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"" + ServerBenchmark.CLASS + "\"/></IPARAMVALUE>"
                        + (names ? "" : "<IPARAMVALUE NAME=\"DeepInheritance\"><VALUE>TRUE</VALUE></IPARAMVALUE>"
                        + FLAGS)).getBytes(StandardCharsets.UTF_8);
        Discard out = new Discard();
        int ops = names ? 200 : 30;
        for (int r = -3; r < rounds; r++) {
            long c = cpu();
            long a = allocated();
            for (int i = 0; i < ops; i++) {
                out.bytes = 0;
                run(d, method, body, out);
            }
            if (r >= 0) {
                report((names ? "EnumerateInstanceNames" : "EnumerateInstances") + ", 10,000 instances", r, ops,
                        cpu() - c, allocated() - a, out.bytes);
            }
        }
    }
}
