package org.cimforge.sample.provider;

import java.util.ArrayList;
import java.util.List;
import org.cimforge.array.Outcome;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.array.model.Volume;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.provider.InvocationContext;
import org.cimforge.sample.bindings.cim.EnabledLogicalElement;
import org.cimforge.sample.bindings.cim.Service;
import org.cimforge.sample.bindings.cim.StorageConfigurationService;
import org.cimforge.sample.bindings.hp3par.TpdStorageConfigurationService.UpdateDeltaSnapshotSpaceArgs;
import org.cimforge.sample.bindings.hp3par.TpdStorageConfigurationService.UpdateDeltaSnapshotSpaceResult;
import org.cimforge.sample.bindings.hp3par.provider.TpdStorageConfigurationServiceProvider;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** TPD_StorageConfigurationService: one per 3PAR system, with the DMTF methods and UpdateDeltaSnapshotSpace. */
public final class TpdConfigurationServiceProvider implements TpdStorageConfigurationServiceProvider {
    private static final long VOLUME_DOES_NOT_EXIST = 32768;

    private final ArrayContext ctx;
    private final StorageConfigurationMethods methods;

    /** The provider over the context's engine. */
    public TpdConfigurationServiceProvider(ArrayContext ctx) {
        this.ctx = ctx;
        this.methods = new StorageConfigurationMethods(ctx);
    }

    @Override
    public List<org.cimforge.sample.bindings.hp3par.TpdStorageConfigurationService> enumerateInstances(
            InvocationContext context) {
        List<org.cimforge.sample.bindings.hp3par.TpdStorageConfigurationService> result = new ArrayList<>();
        for (StorageSystem system : ctx.engine().storage().systems()) {
            if (!ArrayNames.isEss(system)) {
                result.add((org.cimforge.sample.bindings.hp3par.TpdStorageConfigurationService)
                        ctx.instances().configService(system));
            }
        }
        return result;
    }

    private StorageSystem system(CimReference<?> target) throws WBEMException {
        return ctx.serviceSystem(target, cimClass());
    }

    @Override
    public EnabledLogicalElement.RequestStateChangeResult requestStateChange(InvocationContext context,
            CimReference<? extends EnabledLogicalElement> target,
            EnabledLogicalElement.RequestStateChangeArgs args) throws WBEMException {
        system(target);
        return ServiceStateMethods.requestStateChange(args);
    }

    @Override
    public Service.StartServiceResult startService(InvocationContext context,
            CimReference<? extends Service> target,
            Service.StartServiceArgs args) throws WBEMException {
        system(target);
        return ServiceStateMethods.start();
    }

    @Override
    public Service.StopServiceResult stopService(InvocationContext context,
            CimReference<? extends Service> target,
            Service.StopServiceArgs args) throws WBEMException {
        system(target);
        return ServiceStateMethods.stop();
    }

    @Override
    public StorageConfigurationService.CreateOrModifyStoragePoolResult createOrModifyStoragePool(
            InvocationContext context,
            CimReference<? extends StorageConfigurationService> target,
            StorageConfigurationService.CreateOrModifyStoragePoolArgs args) throws WBEMException {
        return methods.createOrModifyStoragePool(system(target), args);
    }

    @Override
    public StorageConfigurationService.CreateOrModifyElementFromStoragePoolResult createOrModifyElementFromStoragePool(
            InvocationContext context,
            CimReference<? extends StorageConfigurationService> target,
            StorageConfigurationService.CreateOrModifyElementFromStoragePoolArgs args) throws WBEMException {
        return methods.createOrModifyElementFromStoragePool(system(target), args);
    }

    @Override
    public StorageConfigurationService.DeleteStoragePoolResult deleteStoragePool(InvocationContext context,
            CimReference<? extends StorageConfigurationService> target,
            StorageConfigurationService.DeleteStoragePoolArgs args) throws WBEMException {
        return methods.deleteStoragePool(system(target), args);
    }

    @Override
    public StorageConfigurationService.ReturnToStoragePoolResult returnToStoragePool(InvocationContext context,
            CimReference<? extends StorageConfigurationService> target,
            StorageConfigurationService.ReturnToStoragePoolArgs args) throws WBEMException {
        return methods.returnToStoragePool(system(target), args);
    }

    @Override
    public StorageConfigurationService.CreateReplicaResult createReplica(InvocationContext context,
            CimReference<? extends StorageConfigurationService> target,
            StorageConfigurationService.CreateReplicaArgs args) throws WBEMException {
        return methods.createReplica(system(target), target, args);
    }

    @Override
    public StorageConfigurationService.ModifySynchronizationResult modifySynchronization(InvocationContext context,
            CimReference<? extends StorageConfigurationService> target,
            StorageConfigurationService.ModifySynchronizationArgs args) throws WBEMException {
        return methods.modifySynchronization(system(target), target, args);
    }

    @Override
    public StorageConfigurationService.AttachReplicaResult attachReplica(InvocationContext context,
            CimReference<? extends StorageConfigurationService> target,
            StorageConfigurationService.AttachReplicaArgs args) throws WBEMException {
        return methods.attachReplica(system(target), target, args);
    }

    /**
     * UpdateDeltaSnapshotSpace: grows a virtual copy's delta space to Size (NULL: by one more initial allotment, the
     * engine's snapshot share of the volume size). 32768 for anything that is not a virtual copy of this system.
     */
    @Override
    public UpdateDeltaSnapshotSpaceResult updateDeltaSnapshotSpace(InvocationContext context,
            CimReference<? extends org.cimforge.sample.bindings.hp3par.TpdStorageConfigurationService> target,
            UpdateDeltaSnapshotSpaceArgs args) throws WBEMException {
        String method = "UpdateDeltaSnapshotSpace";
        StorageSystem system = system(target);
        Volume volume = ctx.directory().volumeFromPath(args.getTheElement());
        if (volume == null || !volume.systemId().equals(system.id()) || !volume.isSnapshot()) {
            return new UpdateDeltaSnapshotSpaceResult.Builder()
                    .returnValue(UpdateDeltaSnapshotSpaceResult.ReturnCode.lookup(ArrayContext.refusal(method,
                            (int) VOLUME_DOES_NOT_EXIST, "TheElement: " + args.getTheElement()
                                    + " is not a virtual copy snapshot of " + system.id())))
                    .build();
        }
        Long size = ArrayContext.bytes(args.getSize());
        if (size == null) {
            StoragePool pool = ctx.engine().storage().pool(volume.poolId()).orElseThrow();
            long allotment = (long) Math.ceil(volume.sizeBytes() * ctx.engine().config().snapshotDeltaFraction());
            long rounded = (allotment + pool.extentBytes() - 1) / pool.extentBytes() * pool.extentBytes();
            size = volume.deltaSpaceBytes() + rounded;
        }
        Outcome<Volume> outcome = ctx.engine().replication().updateDeltaSnapshotSpace(volume.id(), size);
        return new UpdateDeltaSnapshotSpaceResult.Builder()
                .returnValue(UpdateDeltaSnapshotSpaceResult.ReturnCode.lookup(ArrayContext.code(method, outcome)))
                .job(ctx.job(outcome, method, system, target, List.of()))
                .build();
    }
}
