package org.cimforge.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The renaming rules as they show in generated code (CIM_NameRules in the test schema). */
class GeneratedNamingTest {
    private final Generated gen = Generated.storage();

    private List<String> methods(String type) {
        return Arrays.stream(gen.type(type).getDeclaredMethods()).map(java.lang.reflect.Method::getName).toList();
    }

    @Test
    void getterThatWouldBeGetClassIsRenamed() {
        assertThat(methods("cim.NameRules")).contains("getClass_", "getVar", "getYield", "getRecord", "getDefault",
                "getHashCode", "getWait", "getNamespace");
    }

    @Test
    void builderSettersAvoidKeywordsRestrictedNamesObjectMethodsAndBuilderMembers() {
        assertThat(methods("cim.NameRules$AbstractBuilder")).contains("class_", "var_", "yield_", "record_",
                "default_", "build_", "hashCode_", "wait_", "namespace");
    }

    @Test
    void keyRecordComponentsFollowTheSameRules() {
        assertThat(gen.type("cim.NameRules$Keys").getRecordComponents()).extracting(c -> c.getName())
                .containsExactly("class_");
    }

    @Test
    void schemaPrefixChoosesThePackage() {
        assertThat(gen.type("ibmtsess.AsyncPprcService").getSuperclass()).isEqualTo(gen.type("cim.Service"));
        assertThat(gen.type("tpd.ReplicationService").getPackageName()).isEqualTo("com.example.tpd");
        assertThat(gen.type("tpd.provider.ReplicationServiceProvider")).isInterface();
        assertThat(gen.type("tpd.client.ReplicationServiceClient")).isNotNull();
    }

    @Test
    void narrowedReferenceOverridesTheGetterCovariantly() throws Exception {
        assertThat(gen.type("cim.StorageSynchronized").getDeclaredMethod("getSystemElement").getGenericReturnType()
                .getTypeName()).isEqualTo("org.cimforge.runtime.CimReference<? extends com.example.cim.StorageVolume>");
    }

    @Test
    void deprecatedPropertiesAreMarked() throws Exception {
        assertThat(gen.type("cim.ManagedSystemElement").getMethod("getStatus").isAnnotationPresent(Deprecated.class))
                .isTrue();
    }
}
