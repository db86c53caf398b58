package org.cimforge.sample.provider;

import java.util.ArrayList;
import java.util.List;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.provider.InvocationContext;
import org.cimforge.sample.bindings.cim.EnabledLogicalElement;
import org.cimforge.sample.bindings.cim.Service;
import org.cimforge.sample.bindings.cim.StorageConfigurationService;
import org.cimforge.sample.bindings.ibm.AsyncPprcService;
import org.cimforge.sample.bindings.ibm.provider.AsyncPprcServiceProvider;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * IBMTSESS_AsyncPPRCService: one per ESS (a system with an ESSID). It is the ESS's storage configuration service
 * too, so it answers the DMTF methods, the consistency-set / synchronized-set methods and the asynchronous PPRC
 * methods and queries.
 */
public final class EssServiceProvider implements AsyncPprcServiceProvider {
    private final ArrayContext ctx;
    private final StorageConfigurationMethods methods;
    private final SetMethods sets;
    private final PprcMethods pprc;

    /** The provider over the context's engine. */
    public EssServiceProvider(ArrayContext ctx) {
        this.ctx = ctx;
        this.methods = new StorageConfigurationMethods(ctx);
        this.sets = new SetMethods(ctx);
        this.pprc = new PprcMethods(ctx);
    }

    @Override
    public List<AsyncPprcService> enumerateInstances(InvocationContext context) {
        List<AsyncPprcService> result = new ArrayList<>();
        for (StorageSystem system : ctx.engine().storage().systems()) {
            if (ArrayNames.isEss(system)) {
                result.add((AsyncPprcService) ctx.instances().configService(system));
            }
        }
        return result;
    }

    private StorageSystem system(CimReference<?> target) throws WBEMException {
        return ctx.serviceSystem(target, cimClass());
    }

    /** Checks that the target names a service of this class, then passes {@code value} on. */
    private <V> V checked(CimReference<?> target, V value) throws WBEMException {
        system(target);
        return value;
    }

    @Override
    public EnabledLogicalElement.RequestStateChangeResult requestStateChange(InvocationContext context, CimReference<? extends EnabledLogicalElement> target,
            EnabledLogicalElement.RequestStateChangeArgs args) throws WBEMException {
        return ServiceStateMethods.requestStateChange(checked(target, args));
    }

    @Override
    public Service.StartServiceResult startService(InvocationContext context, CimReference<? extends Service> target,
            Service.StartServiceArgs args) throws WBEMException {
        system(target);
        return ServiceStateMethods.start();
    }

    @Override
    public Service.StopServiceResult stopService(InvocationContext context, CimReference<? extends Service> target,
            Service.StopServiceArgs args) throws WBEMException {
        system(target);
        return ServiceStateMethods.stop();
    }

    @Override
    public StorageConfigurationService.CreateOrModifyStoragePoolResult createOrModifyStoragePool(InvocationContext context, CimReference<? extends StorageConfigurationService> target,
            StorageConfigurationService.CreateOrModifyStoragePoolArgs args) throws WBEMException {
        return methods.createOrModifyStoragePool(system(target), args);
    }

    @Override
    public StorageConfigurationService.CreateOrModifyElementFromStoragePoolResult createOrModifyElementFromStoragePool(InvocationContext context, CimReference<? extends StorageConfigurationService> target,
            StorageConfigurationService.CreateOrModifyElementFromStoragePoolArgs args) throws WBEMException {
        return methods.createOrModifyElementFromStoragePool(system(target), args);
    }

    @Override
    public StorageConfigurationService.DeleteStoragePoolResult deleteStoragePool(InvocationContext context, CimReference<? extends StorageConfigurationService> target,
            StorageConfigurationService.DeleteStoragePoolArgs args) throws WBEMException {
        return methods.deleteStoragePool(system(target), args);
    }

    @Override
    public StorageConfigurationService.ReturnToStoragePoolResult returnToStoragePool(InvocationContext context, CimReference<? extends StorageConfigurationService> target,
            StorageConfigurationService.ReturnToStoragePoolArgs args) throws WBEMException {
        return methods.returnToStoragePool(system(target), args);
    }

    @Override
    public StorageConfigurationService.CreateReplicaResult createReplica(InvocationContext context, CimReference<? extends StorageConfigurationService> target,
            StorageConfigurationService.CreateReplicaArgs args) throws WBEMException {
        return methods.createReplica(system(target), target, args);
    }

    @Override
    public StorageConfigurationService.ModifySynchronizationResult modifySynchronization(InvocationContext context, CimReference<? extends StorageConfigurationService> target,
            StorageConfigurationService.ModifySynchronizationArgs args) throws WBEMException {
        return methods.modifySynchronization(system(target), target, args);
    }

    @Override
    public StorageConfigurationService.AttachReplicaResult attachReplica(InvocationContext context, CimReference<? extends StorageConfigurationService> target,
            StorageConfigurationService.AttachReplicaArgs args) throws WBEMException {
        return methods.attachReplica(system(target), target, args);
    }

    @Override
    public org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.ModifyConsistencySetResult modifyConsistencySet(InvocationContext context, CimReference<? extends org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService> target,
            org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.ModifyConsistencySetArgs args) throws WBEMException {
        return sets.modifyConsistencySet(system(target), args);
    }

    @Override
    public org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.CreateSynchronizationResult createSynchronization(InvocationContext context, CimReference<? extends org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService> target,
            org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.CreateSynchronizationArgs args) throws WBEMException {
        return sets.createSynchronization(system(target), target, args);
    }

    @Override
    public org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.DeleteSynchronizationResult deleteSynchronization(InvocationContext context, CimReference<? extends org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService> target,
            org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.DeleteSynchronizationArgs args) throws WBEMException {
        return sets.deleteSynchronization(system(target), target, args);
    }

    @Override
    public org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.CreateConsistencySetResult createConsistencySet(InvocationContext context, CimReference<? extends org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService> target,
            org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.CreateConsistencySetArgs args) throws WBEMException {
        return sets.createConsistencySet(checked(target, args));
    }

    @Override
    public org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.DeleteConsistencySetResult deleteConsistencySet(InvocationContext context, CimReference<? extends org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService> target,
            org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.DeleteConsistencySetArgs args) throws WBEMException {
        return sets.deleteConsistencySet(checked(target, args));
    }

    @Override
    public org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.CreateSynchronizedSetResult createSynchronizedSet(InvocationContext context, CimReference<? extends org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService> target,
            org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.CreateSynchronizedSetArgs args) throws WBEMException {
        return sets.createSynchronizedSet(checked(target, args));
    }

    @Override
    public org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.DeleteSynchronizedSetResult deleteSynchronizedSet(InvocationContext context, CimReference<? extends org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService> target,
            org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.DeleteSynchronizedSetArgs args) throws WBEMException {
        return sets.deleteSynchronizedSet(checked(target, args));
    }

    @Override
    public org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.ModifySynchronizedSetResult modifySynchronizedSet(InvocationContext context, CimReference<? extends org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService> target,
            org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.ModifySynchronizedSetArgs args) throws WBEMException {
        return sets.modifySynchronizedSet(system(target), target, args);
    }

    @Override
    public org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.GetSupportedSetTypesResult getSupportedSetTypes(InvocationContext context, CimReference<? extends org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService> target,
            org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.GetSupportedSetTypesArgs args) throws WBEMException {
        return checked(target, sets).getSupportedSetTypes();
    }

    @Override
    public AsyncPprcService.ManageSessionResult manageSession(InvocationContext context, CimReference<? extends AsyncPprcService> target,
            AsyncPprcService.ManageSessionArgs args) throws WBEMException {
        return pprc.manageSession(system(target), args);
    }

    @Override
    public AsyncPprcService.ManageSessionVolumeResult manageSessionVolume(InvocationContext context, CimReference<? extends AsyncPprcService> target,
            AsyncPprcService.ManageSessionVolumeArgs args) throws WBEMException {
        return pprc.manageSessionVolume(system(target), args);
    }

    @Override
    public AsyncPprcService.ManageAsyncPprcResult manageAsyncPprc(InvocationContext context, CimReference<? extends AsyncPprcService> target,
            AsyncPprcService.ManageAsyncPprcArgs args) throws WBEMException {
        return pprc.manageAsyncPprc(system(target), args);
    }

    @Override
    public AsyncPprcService.QueryXdcIncrementStatusResult queryXdcIncrementStatus(InvocationContext context, CimReference<? extends AsyncPprcService> target,
            AsyncPprcService.QueryXdcIncrementStatusArgs args) throws WBEMException {
        return pprc.queryXdcIncrementStatus(system(target), args);
    }

    @Override
    public AsyncPprcService.QueryXdcOutOfSyncStatusResult queryXdcOutOfSyncStatus(InvocationContext context, CimReference<? extends AsyncPprcService> target,
            AsyncPprcService.QueryXdcOutOfSyncStatusArgs args) throws WBEMException {
        return pprc.queryXdcOutOfSyncStatus(system(target), args);
    }

    @Override
    public AsyncPprcService.QueryXdcSessionsAndDevicesResult queryXdcSessionsAndDevices(InvocationContext context, CimReference<? extends AsyncPprcService> target,
            AsyncPprcService.QueryXdcSessionsAndDevicesArgs args) throws WBEMException {
        return pprc.queryXdcSessionsAndDevices(system(target), args);
    }

    @Override
    public AsyncPprcService.QueryAsyncPprcStatusResult queryAsyncPprcStatus(InvocationContext context, CimReference<? extends AsyncPprcService> target,
            AsyncPprcService.QueryAsyncPprcStatusArgs args) throws WBEMException {
        return pprc.queryAsyncPprcStatus(system(target), args);
    }
}
