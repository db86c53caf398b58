package org.cimforge.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.math.BigInteger;
import java.util.Arrays;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.CimStatic;
import org.cimforge.runtime.EnumValue;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;

/** Runs generated method argument and result types. */
class MethodGenerationTest {
    static final String SERVICE = "ibmtsess.AsyncPprcService";
    private final Generated gen = Generated.storage();

    static CIMObjectPath jobPath() {
        return new CIMObjectPath(null, null, null, "root/test", "CIM_ConcreteJob", new CIMProperty<?>[] {
            new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "job-1", true, false, null)});
    }

    static CIMObjectPath volumePath(String id) {
        return new CIMObjectPath(null, null, null, "root/test", "CIM_StorageVolume", new CIMProperty<?>[] {
            new CIMProperty<>("SystemName", CIMDataType.STRING_T, "array1", true, false, null),
            new CIMProperty<>("DeviceID", CIMDataType.STRING_T, id, true, false, null)});
    }

    @Test
    void inArgumentsBuildTypedCimArguments() {
        Object builder = gen.newInstance(SERVICE + "$ManageAsyncPprcArgs$Builder");
        Generated.call(builder, "sessionNumber", 12);
        Generated.call(builder, "operation", gen.constant(SERVICE + "$ManageAsyncPprcArgs$Operation", "PAUSE"));
        Generated.call(builder, "masterLss", "2105.FA120:15:FF21");
        Object args = Generated.call(builder, "build");
        CIMArgument<?>[] cim = (CIMArgument<?>[]) Generated.call(args, "toCimArguments");
        assertThat(Arrays.stream(cim).map(CIMArgument::getName)).containsExactly("SessionNumber", "MasterLSS",
                "Operation");
        assertThat(cim[2].getValue()).isEqualTo(new UnsignedInteger16(3));
        assertThat(cim[2].getDataType()).isEqualTo(CIMDataType.UINT16_T);

        Object reread = Generated.callStatic(gen.type(SERVICE + "$ManageAsyncPprcArgs"), "fromCimArguments",
                (Object) cim);
        assertThat(Generated.call(reread, "getOperation"))
                .isEqualTo(gen.constant(SERVICE + "$ManageAsyncPprcArgs$Operation", "PAUSE"));
        assertThat(Generated.call(reread, "getSessionNumber")).isEqualTo(12);
        assertThat(reread).isEqualTo(args);
    }

    @Test
    void resultHoldsReturnCodeAndEveryOutParameterTyped() {
        CIMArgument<?>[] out = {
            new CIMArgument<>("Job", new CIMDataType("CIM_ConcreteJob"), jobPath()),
            new CIMArgument<>("TargetElement", new CIMDataType("CIM_StorageVolume"), volumePath("v2")),
            new CIMArgument<>("Size", CIMDataType.UINT64_T, new UnsignedInteger64(BigInteger.valueOf(1L << 40))),
        };
        Object result = Generated.callStatic(gen.type(SERVICE + "$CreateReplicaResult"), "fromCim",
                new UnsignedInteger32(4096), out);
        assertThat(Generated.call(result, "getReturnCode"))
                .isEqualTo(gen.constant(SERVICE + "$CreateReplicaResult$ReturnCode",
                        "METHOD_PARAMETERS_CHECKED_JOB_STARTED"));
        CimReference<?> job = (CimReference<?>) Generated.call(result, "getJob");
        assertThat(job.path()).isEqualTo(jobPath());
        assertThat(job.keyValue("InstanceID")).isEqualTo("job-1");
        assertThat(((CimReference<?>) Generated.call(result, "getTargetElement")).keyValue("DeviceID")).isEqualTo("v2");
        assertThat(Generated.call(result, "getSize")).isEqualTo(BigInteger.valueOf(1L << 40));
        assertThat((CIMArgument<?>[]) Generated.call(result, "toCimOutArguments")).containsExactly(out);
        assertThat(Generated.call(result, "toCimReturnValue")).isEqualTo(new UnsignedInteger32(4096));

        Object vendor = Generated.callStatic(gen.type(SERVICE + "$CreateReplicaResult"), "fromCim",
                new UnsignedInteger32(40000), new CIMArgument<?>[0]);
        EnumValue<?> exact = (EnumValue<?>) Generated.call(vendor, "getReturnValue");
        assertThat(exact.raw()).isEqualTo(40000L);
        assertThat(exact.constant()).isEqualTo(gen.constant(SERVICE + "$CreateReplicaResult$ReturnCode",
                "VENDOR_SPECIFIC"));
    }

    @Test
    void inOutParametersAppearOnBothSidesAndEmbeddedInstancesAreTyped() {
        Class<?> args = gen.type(SERVICE + "$CreateReplicaArgs");
        Class<?> result = gen.type(SERVICE + "$CreateReplicaResult");
        assertThat(hasMethod(args, "getTargetElement")).isTrue();
        assertThat(hasMethod(result, "getTargetElement")).isTrue();
        assertThat(hasMethod(args, "getJob")).isFalse();
        assertThat(hasMethod(result, "getJob")).isTrue();
        assertThat(hasMethod(result, "getElementName")).isFalse();

        CIMInstance template = InstanceRoundTripTest.job(new UnsignedInteger16(2));
        Object builder = gen.newInstance(SERVICE + "$CreateReplicaArgs$Builder");
        Generated.call(builder, "template", Generated.callStatic(gen.type("cim.ConcreteJob"), "fromCimInstance", template));
        Generated.call(builder, "sourceElement", CimReference.of(volumePath("v1")));
        Object built = Generated.call(builder, "build");
        CIMArgument<?>[] cim = (CIMArgument<?>[]) Generated.call(built, "toCimArguments");
        assertThat(cim[0].getName()).isEqualTo("SourceElement");
        assertThat(cim[0].getValue()).isEqualTo(volumePath("v1"));
        assertThat(cim[1].getValue()).isEqualTo(template);
        Object typedTemplate = Generated.call(built, "getTemplate");
        assertThat(typedTemplate.getClass()).isEqualTo(gen.type("cim.ConcreteJob"));
    }

    @Test
    void resultBuilderForProviders() {
        Object builder = gen.newInstance("tpd.ReplicationService$UpdateDeltaSnapshotSpaceResult$Builder");
        Generated.call(builder, "returnValue", gen.constant(
                "tpd.ReplicationService$UpdateDeltaSnapshotSpaceResult$ReturnCode", "METHOD_PARAMETERS_CHECKED_JOB_STARTED"));
        Generated.call(builder, "job", CimReference.of(jobPath()));
        Object result = Generated.call(builder, "build");
        assertThat(Generated.call(result, "toCimReturnValue")).isEqualTo(new UnsignedInteger32(0x1000));
        CIMArgument<?>[] out = (CIMArgument<?>[]) Generated.call(result, "toCimOutArguments");
        assertThat(out).hasSize(1);
        assertThat(out[0].getDataType().getRefClassName()).isEqualTo("CIM_ConcreteJob");
    }

    @Test
    void staticMethodsAreMarkedAndTakeNoTarget() throws Exception {
        Class<?> provider = gen.type("ibmtsess.provider.AsyncPprcServiceProvider");
        Method manage = Arrays.stream(provider.getMethods()).filter(m -> m.getName().equals("manageAsyncPprc"))
                .findFirst().orElseThrow();
        assertThat(manage.isAnnotationPresent(CimStatic.class)).isTrue();
        assertThat(manage.getParameterTypes()).containsExactly(org.cimforge.runtime.provider.InvocationContext.class,
                gen.type(SERVICE + "$ManageAsyncPprcArgs"));
        Method create = Arrays.stream(provider.getMethods()).filter(m -> m.getName().equals("createReplica"))
                .findFirst().orElseThrow();
        assertThat(create.isAnnotationPresent(CimStatic.class)).isFalse();
        assertThat(create.getParameterCount()).isEqualTo(3);
        assertThat(create.getReturnType()).isEqualTo(gen.type(SERVICE + "$CreateReplicaResult"));
    }

    private static boolean hasMethod(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name));
    }
}
