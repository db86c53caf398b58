package org.cimforge.it;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** Generic extrinsic calls and job polling, the way an SMI-S client without generated code does them. */
final class Calls {
    private Calls() {
    }

    /** What an extrinsic method answered: its return code and its OUT parameters by (lower-case) name. */
    record Answer(long returnCode, Map<String, Object> out) {
        CIMObjectPath ref(String name) {
            return (CIMObjectPath) out.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static CIMArgument<?> string(String name, String value) {
        return new CIMArgument<>(name, CIMDataType.STRING_T, value);
    }

    static CIMArgument<?> uint16(String name, int value) {
        return new CIMArgument<>(name, CIMDataType.UINT16_T, new UnsignedInteger16(value));
    }

    static CIMArgument<?> uint64(String name, long value) {
        return new CIMArgument<>(name, CIMDataType.UINT64_T, new UnsignedInteger64(BigInteger.valueOf(value)));
    }

    static CIMArgument<?> ref(String name, CIMObjectPath value) {
        return new CIMArgument<>(name, new CIMDataType(value.getObjectName()), value);
    }

    static Answer invoke(WBEMClient client, CIMObjectPath target, String method, CIMArgument<?>... in)
            throws WBEMException {
        CIMArgument<?>[] out = new CIMArgument<?>[16];
        Object rc = client.invokeMethod(target, method, in, out);
        Map<String, Object> values = new HashMap<>();
        for (CIMArgument<?> a : out) {
            if (a != null) {
                values.put(a.getName().toLowerCase(Locale.ROOT), a.getValue());
            }
        }
        return new Answer(((Number) rc).longValue(), values);
    }

    /** Polls a job until its JobState is final (7..10) or the time is up; returns the last instance read. */
    static CIMInstance awaitJob(WBEMClient client, CIMObjectPath job, Duration timeout)
            throws WBEMException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            CIMInstance instance = client.getInstance(job, false, false, null);
            int state = ((Number) instance.getPropertyValue("JobState")).intValue();
            if (state >= 7 && state <= 10) {
                return instance;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + job + " still in JobState " + state + " after " + timeout);
            }
            Thread.sleep(100);
        }
    }

    static int jobState(CIMInstance job) {
        return ((Number) job.getPropertyValue("JobState")).intValue();
    }

    static List<Integer> operationalStatus(CIMInstance instance) {
        List<Integer> result = new ArrayList<>();
        Object[] values = (Object[]) instance.getPropertyValue("OperationalStatus");
        for (Object v : values) {
            result.add(((Number) v).intValue());
        }
        return result;
    }

    /** The first instance of a class (in the sample's namespace) whose ElementName is the given one. */
    static CIMInstance named(WBEMClient client, String className, String elementName) throws WBEMException {
        for (CIMInstance i : Clients.drain(client.enumerateInstances(
                Clients.classPath(SampleProcess.NAMESPACE, className), true, false, false, null))) {
            if (elementName.equals(i.getPropertyValue("ElementName"))) {
                return i;
            }
        }
        throw new AssertionError("no " + className + " named " + elementName);
    }
}
