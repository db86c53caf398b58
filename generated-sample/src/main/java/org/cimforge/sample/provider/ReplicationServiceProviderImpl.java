package org.cimforge.sample.provider;

import java.util.ArrayList;
import java.util.List;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.provider.InvocationContext;
import org.cimforge.sample.bindings.cim.EnabledLogicalElement;
import org.cimforge.sample.bindings.cim.ReplicationService;
import org.cimforge.sample.bindings.cim.Service;
import org.cimforge.sample.bindings.cim.provider.ReplicationServiceProvider;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** CIM_ReplicationService: one per system, with the Replication Services methods. */
public final class ReplicationServiceProviderImpl implements ReplicationServiceProvider {
    private final ArrayContext ctx;
    private final ReplicationMethods methods;

    /** The provider over the context's engine. */
    public ReplicationServiceProviderImpl(ArrayContext ctx) {
        this.ctx = ctx;
        this.methods = new ReplicationMethods(ctx);
    }

    @Override
    public List<ReplicationService> enumerateInstances(InvocationContext context) {
        List<ReplicationService> result = new ArrayList<>();
        for (StorageSystem system : ctx.engine().storage().systems()) {
            result.add(ctx.instances().replicationService(system));
        }
        return result;
    }

    private StorageSystem system(CimReference<?> target) throws WBEMException {
        return ctx.serviceSystem(target, cimClass());
    }

    @Override
    public EnabledLogicalElement.RequestStateChangeResult requestStateChange(InvocationContext context,
            CimReference<? extends EnabledLogicalElement> target, EnabledLogicalElement.RequestStateChangeArgs args)
            throws WBEMException {
        system(target);
        return ServiceStateMethods.requestStateChange(args);
    }

    @Override
    public Service.StartServiceResult startService(InvocationContext context,
            CimReference<? extends Service> target, Service.StartServiceArgs args) throws WBEMException {
        system(target);
        return ServiceStateMethods.start();
    }

    @Override
    public Service.StopServiceResult stopService(InvocationContext context,
            CimReference<? extends Service> target, Service.StopServiceArgs args) throws WBEMException {
        system(target);
        return ServiceStateMethods.stop();
    }

    @Override
    public ReplicationService.CreateElementReplicaResult createElementReplica(InvocationContext context,
            CimReference<? extends ReplicationService> target, ReplicationService.CreateElementReplicaArgs args)
            throws WBEMException {
        return methods.createElementReplica(system(target), target, args);
    }

    @Override
    public ReplicationService.ModifyReplicaSynchronizationResult modifyReplicaSynchronization(
            InvocationContext context, CimReference<? extends ReplicationService> target,
            ReplicationService.ModifyReplicaSynchronizationArgs args) throws WBEMException {
        return methods.modifyReplicaSynchronization(system(target), target, args);
    }

    @Override
    public ReplicationService.GetAvailableTargetElementsResult getAvailableTargetElements(InvocationContext context,
            CimReference<? extends ReplicationService> target, ReplicationService.GetAvailableTargetElementsArgs args)
            throws WBEMException {
        return methods.getAvailableTargetElements(system(target), args);
    }
}
