package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.client.MethodOutcome;
import org.cimforge.runtime.provider.InvocationContext;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.cimforge.sample.bindings.cim.EnabledLogicalElement;
import org.cimforge.sample.bindings.cim.StorageConfigurationService;
import org.cimforge.sample.bindings.cim.StorageVolume;
import org.cimforge.sample.bindings.cim.client.StorageVolumeClient;
import org.cimforge.sample.bindings.hp3par.TpdStorageConfigurationService;
import org.cimforge.sample.bindings.hp3par.client.TpdStorageConfigurationServiceClient;
import org.cimforge.sample.bindings.hp3par.provider.TpdStorageConfigurationServiceProvider;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The provider and client examples of codegen-maven-plugin/README ("What is generated per class"), written here as
 * they are there, so that a change of the generated API that breaks them fails this module's test compile.
 */
class CodegenReadmeExamplesTest {

    /** The README's provider example. */
    static final class ConfigService implements TpdStorageConfigurationServiceProvider {
        @Override
        public List<TpdStorageConfigurationService> enumerateInstances(InvocationContext context) {
            return List.of(new TpdStorageConfigurationService.Builder().systemCreationClassName("TPD_StorageSystem")
                    .systemName("3par-1").creationClassName("TPD_StorageConfigurationService").name("config").build());
        }

        @Override
        public EnabledLogicalElement.RequestStateChangeResult requestStateChange(InvocationContext context,
                CimReference<? extends EnabledLogicalElement> target, EnabledLogicalElement.RequestStateChangeArgs args) {
            return new EnabledLogicalElement.RequestStateChangeResult.Builder()
                    .returnValue(EnabledLogicalElement.RequestStateChangeResult.ReturnCode.COMPLETED_WITH_NO_ERROR).build();
        }
    }

    /** The README's client example (compiled here; the walkthrough in SampleMainServerTest runs the same calls). */
    static void clientExample(WBEMClient wbem) throws WBEMException {
        StorageVolumeClient volumes = new StorageVolumeClient(wbem, "root/cimforge");
        for (StorageVolume v : volumes.enumerate()) {
            System.out.println(v.getDeviceId() + " " + v.getNameFormat(StorageVolume.NameFormat.class));
        }
        TpdStorageConfigurationServiceClient services = new TpdStorageConfigurationServiceClient(wbem, "root/cimforge");
        TpdStorageConfigurationService service = services.enumerate().get(0);
        MethodOutcome<StorageConfigurationService.CreateReplicaResult> copy = services.createReplicaAndWait(
                service.reference(), new StorageConfigurationService.CreateReplicaArgs.Builder().elementName("copy")
                        .sourceElement(volumes.enumerate().get(0).reference()).build(), Duration.ofMinutes(2));
        System.out.println(copy.result().getReturnCode());
    }

    @Test
    void theProviderExampleServesItsInstanceAndAnswersTheInheritedMethod() throws Exception {
        ConfigService provider = new ConfigService();
        InvocationContext context = new InvocationContext("root/cimforge", null);
        List<TpdStorageConfigurationService> services = provider.enumerateInstances(context);
        assertThat(services).singleElement().satisfies(s -> {
            assertThat(s.getName()).isEqualTo("config");
            assertThat(s.getSystemName()).isEqualTo("3par-1");
        });
        EnabledLogicalElement.RequestStateChangeResult result = provider.requestStateChange(context,
                services.get(0).reference(), new EnabledLogicalElement.RequestStateChangeArgs.Builder().build());
        assertThat(result.getReturnCode())
                .isEqualTo(EnabledLogicalElement.RequestStateChangeResult.ReturnCode.COMPLETED_WITH_NO_ERROR);
        // As the README registers it: the registry takes it as the typed provider of its class.
        CimProviderRegistry registry = new CimProviderRegistry().typed("root/cimforge", provider);
        assertThat(registry.instanceProvider("root/cimforge", "TPD_StorageConfigurationService")).isNotNull();
        assertThat(registry.methodProvider("root/cimforge", "TPD_StorageConfigurationService")).isNotNull();
    }
}
