package org.cimforge.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.cimforge.runtime.CimErrors;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.provider.InvocationContext;
import org.cimforge.runtime.client.JobOutcome;
import org.cimforge.runtime.client.MethodOutcome;
import org.cimforge.runtime.provider.MethodProvider;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** Runs generated provider interfaces (dispatch, defaults) and client stubs (calls, job waits, fallback). */
class ProviderAndClientTest {
    private static final String SERVICE = MethodGenerationTest.SERVICE;
    private static final InvocationContext CONTEXT = new InvocationContext("root/test", null);
    private final Generated gen = Generated.storage();

    /** A provider that implements only createReplica; everything else keeps the generated default. */
    private Object provider() {
        Class<?> type = gen.type("ibmtsess.provider.AsyncPprcServiceProvider");
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("createReplica")) {
                Object builder = gen.newInstance(SERVICE + "$CreateReplicaResult$Builder");
                Generated.call(builder, "returnValue", gen.constant(SERVICE + "$CreateReplicaResult$ReturnCode",
                        "METHOD_PARAMETERS_CHECKED_JOB_STARTED"));
                Generated.call(builder, "job", CimReference.of(MethodGenerationTest.jobPath()));
                Object elementName = Generated.call(args[2], "getElementName");
                Generated.call(builder, "targetElement", CimReference.of(MethodGenerationTest.volumePath(
                        (String) elementName)));
                return Generated.call(builder, "build");
            }
            return InvocationHandler.invokeDefault(proxy, method, args);
        };
        return Proxy.newProxyInstance(gen.loader, new Class<?>[] {type}, handler);
    }

    @Test
    void invokeMethodDispatchesToTheTypedMethodIgnoringCase() throws Exception {
        MethodProvider provider = (MethodProvider) provider();
        List<CIMArgument<?>> out = new ArrayList<>();
        CIMArgument<?>[] in = {new CIMArgument<>("ElementName", CIMDataType.STRING_T, "replica-1")};
        Object returned = provider.invokeMethod(CONTEXT, MethodGenerationTest.volumePath("svc"), "CREATEREPLICA", in, out);
        assertThat(returned).isEqualTo(new UnsignedInteger32(4096));
        assertThat(out).extracting(CIMArgument::getName).containsExactly("TargetElement", "Job");
        assertThat(out.get(0).getValue()).isEqualTo(MethodGenerationTest.volumePath("replica-1"));
    }

    @Test
    void everythingNotImplementedAnswersNotSupported() {
        Object provider = provider();
        assertThatThrownBy(() -> ((MethodProvider) provider).invokeMethod(CONTEXT,
                MethodGenerationTest.volumePath("svc"), "ManageAsyncPPRC", null, new ArrayList<>()))
                .isInstanceOf(WBEMException.class)
                .extracting(e -> ((WBEMException) e).getID()).isEqualTo(CimErrors.NOT_SUPPORTED);
        assertThatThrownBy(() -> ((MethodProvider) provider).invokeMethod(CONTEXT,
                MethodGenerationTest.volumePath("svc"), "NoSuchMethod", null, new ArrayList<>()))
                .isInstanceOf(WBEMException.class)
                .extracting(e -> ((WBEMException) e).getID()).isEqualTo(CimErrors.METHOD_NOT_AVAILABLE);
        assertThatThrownBy(() -> ((org.cimforge.runtime.provider.InstanceProvider<?>) provider).enumerateInstances(CONTEXT))
                .isInstanceOf(WBEMException.class);
        assertThat(((org.cimforge.runtime.provider.InstanceProvider<?>) provider).cimClass().name())
                .isEqualTo("IBMTSESS_AsyncPPRCService");
    }

    @Test
    void associationProvidersOfferTraversal() {
        assertThat(org.cimforge.runtime.provider.AssociationProvider.class)
                .isAssignableFrom(gen.type("cim.provider.StorageSynchronizedProvider"));
        assertThat(org.cimforge.runtime.provider.AssociationProvider.class
                .isAssignableFrom(gen.type("cim.provider.StorageVolumeProvider"))).isFalse();
    }

    /** A fake WBEMClient: CreateReplica starts a job that is completed on the second poll. */
    private static WBEMClient fakeServer(List<String> calls) {
        int[] polls = {0};
        InvocationHandler handler = (proxy, method, args) -> {
            calls.add(method.getName());
            switch (method.getName()) {
                case "invokeMethod" -> {
                    CIMArgument<?>[] out = (CIMArgument<?>[]) args[3];
                    out[0] = new CIMArgument<>("Job", new CIMDataType("CIM_ConcreteJob"), MethodGenerationTest.jobPath());
                    return new UnsignedInteger32(4096);
                }
                case "getInstance" -> {
                    polls[0]++;
                    return InstanceRoundTripTest.job(new UnsignedInteger16(polls[0] < 2 ? 4 : 7));
                }
                case "associatorInstances" -> {
                    CIMObjectPath path = MethodGenerationTest.volumePath("replica");
                    return iterator(List.of(new CIMInstance(path, path.getKeys())));
                }
                case "associatorNames" -> {
                    return iterator(List.of(MethodGenerationTest.volumePath("replica")));
                }
                case "enumerateInstances" -> {
                    if (args.length > 5) {
                        throw new WBEMException(CimErrors.NOT_SUPPORTED, "no pull operations here");
                    }
                    return iterator(List.of(InstanceRoundTripTest.job(new UnsignedInteger16(7))));
                }
                default -> throw new UnsupportedOperationException(method.getName());
            }
        };
        return (WBEMClient) Proxy.newProxyInstance(ProviderAndClientTest.class.getClassLoader(),
                new Class<?>[] {WBEMClient.class}, handler);
    }

    private static <E> CloseableIterator<E> iterator(List<E> items) {
        Iterator<E> it = items.iterator();
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public E next() {
                return it.next();
            }

            @Override
            public void close() {
            }

            @Override
            public WBEMException getWBEMException() {
                return null;
            }
        };
    }

    @Test
    void clientWaitsForTheJobAMethodStarted() throws Exception {
        List<String> calls = new ArrayList<>();
        Object client = gen.type("ibmtsess.client.AsyncPprcServiceClient")
                .getConstructor(WBEMClient.class, String.class).newInstance(fakeServer(calls), "root/test");
        Object args = Generated.call(gen.newInstance(SERVICE + "$CreateReplicaArgs$Builder"), "build");
        MethodOutcome<?> outcome = (MethodOutcome<?>) Generated.call(client, "createReplicaAndWait",
                CimReference.of(MethodGenerationTest.volumePath("svc")), args, Duration.ofSeconds(5));
        assertThat(outcome.ranAsJob()).isTrue();
        JobOutcome job = outcome.job();
        assertThat(job.isCompleted()).isTrue();
        assertThat(job.affectedElements()).containsExactly(MethodGenerationTest.volumePath("replica"));
        assertThat(calls).containsExactly("invokeMethod", "getInstance", "getInstance", "associatorNames");
        assertThat(Generated.call(outcome.result(), "getReturnCode")).isEqualTo(
                gen.constant(SERVICE + "$CreateReplicaResult$ReturnCode", "METHOD_PARAMETERS_CHECKED_JOB_STARTED"));
    }

    @Test
    void associationClientsTraverseToTypedEnds() throws Exception {
        List<String> calls = new ArrayList<>();
        Object client = gen.type("cim.client.StorageSynchronizedClient")
                .getConstructor(WBEMClient.class, String.class).newInstance(fakeServer(calls), "root/test");
        List<?> synced = (List<?>) Generated.call(client, "associatedSyncedElement",
                CimReference.of(MethodGenerationTest.volumePath("source")));
        assertThat(synced).hasSize(1);
        assertThat(synced.get(0).getClass()).isEqualTo(gen.type("cim.StorageVolume"));
        assertThat(Generated.call(synced.get(0), "getDeviceId")).isEqualTo("replica");
        assertThat(calls).containsExactly("associatorInstances");
    }

    @Test
    void clientFallsBackFromPullEnumerationWhenUnsupported() throws Exception {
        List<String> calls = new ArrayList<>();
        Object client = gen.type("cim.client.ConcreteJobClient")
                .getConstructor(WBEMClient.class, String.class).newInstance(fakeServer(calls), "root/test");
        List<?> jobs = (List<?>) Generated.call(client, "enumerate");
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).getClass()).isEqualTo(gen.type("cim.ConcreteJob"));
        assertThat(calls).containsExactly("enumerateInstances", "enumerateInstances");
        Generated.call(client, "enumerate");
        assertThat(calls).hasSize(3);
        CIMObjectPath classPath = (CIMObjectPath) Generated.call(client, "classPath");
        assertThat(classPath.getNamespace()).isEqualTo("root/test");
        assertThat(((CIMInstance) Generated.call(jobs.get(0), "toCimInstance")).getClassName())
                .isEqualTo("CIM_ConcreteJob");
    }
}
