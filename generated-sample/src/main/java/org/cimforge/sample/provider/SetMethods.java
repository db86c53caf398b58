package org.cimforge.sample.provider;

import java.util.List;
import org.cimforge.array.Outcome;
import org.cimforge.array.Replica;
import org.cimforge.array.ReplicaRequest;
import org.cimforge.array.model.CopyServicesOperation;
import org.cimforge.array.model.CopyType;
import org.cimforge.array.model.GroupKind;
import org.cimforge.array.model.ReplicaGroup;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;
import org.cimforge.runtime.CimReference;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.CreateConsistencySetArgs;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.CreateConsistencySetResult;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.CreateSynchronizationArgs;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.CreateSynchronizationResult;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.CreateSynchronizedSetArgs;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.CreateSynchronizedSetResult;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.DeleteConsistencySetArgs;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.DeleteConsistencySetResult;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.DeleteSynchronizationArgs;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.DeleteSynchronizationResult;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.DeleteSynchronizedSetArgs;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.DeleteSynchronizedSetResult;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.GetSupportedSetTypesArgs;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.GetSupportedSetTypesResult;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.ModifyConsistencySetArgs;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.ModifyConsistencySetResult;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.ModifySynchronizedSetArgs;
import org.cimforge.sample.bindings.ibm.IbmtsessStorageConfigurationService.ModifySynchronizedSetResult;

/**
 * The pre-standard copy services methods of IBMTSESS_StorageConfigurationService: consistency sets (of volumes) and
 * synchronized sets (of relationships), served as CIM_ReplicationGroup, and relationships between existing volumes.
 * CreateSynchronization and DeleteSynchronization have no job return code, so a copy they start keeps running after
 * they return 0; its CIM job still exists (owned by the service) for clients that look for it.
 */
public final class SetMethods {
    private static final int FAILED = 4;
    private static final int INVALID_PARAMETER = 5;
    /** CreateConsistencySet / CreateSynchronizedSet: CopyType not supported. */
    private static final int COPY_TYPE_NOT_SUPPORTED = 6;
    /** DeleteSynchronization: Synchronization is member of SynchronizedSet. */
    private static final int MEMBER_OF_SET = 6;
    /** DeleteSynchronization: Copy in process. */
    private static final int COPY_IN_PROCESS = 7;

    private final ArrayContext ctx;

    /** Methods over the context's engine. */
    public SetMethods(ArrayContext ctx) {
        this.ctx = ctx;
    }

    /** ModifyConsistencySet: Add (2) or Remove (3) a volume. */
    public ModifyConsistencySetResult modifyConsistencySet(StorageSystem system, ModifyConsistencySetArgs args) {
        String method = "ModifyConsistencySet";
        Volume member = ctx.directory().volumeFromPath(args.getMember());
        String setId = ctx.directory().groupIdFromPath(args.getConsistencySet());
        Integer operation = Enums.number(args.getOperationValue());
        long code;
        if (operation == null || setId == null || member == null || !member.systemId().equals(system.id())) {
            code = ArrayContext.refusal(method, INVALID_PARAMETER, operation == null ? "Operation: required"
                    : setId == null ? "ConsistencySet: no set " + args.getConsistencySet()
                    : "Member: no volume " + args.getMember() + " on " + system.id());
        } else {
            code = ArrayContext.code(method, ctx.engine().sets().modifyConsistencySet(setId, operation, member.id()));
        }
        return new ModifyConsistencySetResult.Builder()
                .returnValue(ModifyConsistencySetResult.ReturnCode.lookup(code)).build();
    }

    /** CreateSynchronization: a relationship from SystemElement to the existing SyncedElement. */
    public CreateSynchronizationResult createSynchronization(StorageSystem system, CimReference<?> service,
            CreateSynchronizationArgs args) {
        String method = "CreateSynchronization";
        CreateSynchronizationResult.Builder result = new CreateSynchronizationResult.Builder();
        Volume source = ctx.directory().volumeFromPath(args.getSystemElement());
        Volume target = ctx.directory().volumeFromPath(args.getSyncedElement());
        if (source == null || target == null || !source.systemId().equals(system.id())
                || !target.systemId().equals(system.id())) {
            return result.returnValue(CreateSynchronizationResult.ReturnCode.lookup(ArrayContext.refusal(method,
                    INVALID_PARAMETER, "SystemElement and SyncedElement: two volumes of " + system.id()
                            + " are required"))).build();
        }
        Outcome<Replica> outcome = ctx.engine().replication().createReplica(new ReplicaRequest(source.id(),
                args.getElementName(), args.getCopyType(), null, null, target.id()));
        ctx.job(outcome, method, system, service, List.of());
        result.returnValue(CreateSynchronizationResult.ReturnCode.lookup(
                outcome.succeeded() ? 0 : ArrayContext.code(method, outcome)));
        outcome.value().map(Replica::synchronization).filter(p -> ctx.engine().replication()
                .synchronization(p.id()).isPresent()).ifPresent(p -> result.synchronization(ctx.instances()
                .pairPath(p)));
        return result.build();
    }

    /** DeleteSynchronization: detaches a relationship that is in no set and copies nothing right now. */
    public DeleteSynchronizationResult deleteSynchronization(StorageSystem system, CimReference<?> service,
            DeleteSynchronizationArgs args) {
        String method = "DeleteSynchronization";
        Synchronization pair = ctx.directory().pairFromPath(args.getSynchronization());
        long code;
        if (pair == null || !StorageConfigurationMethods.onSystem(ctx.directory().systemOf(pair), system)) {
            code = ArrayContext.refusal(method, args.getSynchronization() == null ? INVALID_PARAMETER : FAILED,
                    "Synchronization: no relationship " + args.getSynchronization() + " on " + system.id());
        } else if (pair.groupId() != null) {
            code = ArrayContext.refusal(method, MEMBER_OF_SET, "Synchronization: member of set " + pair.groupId());
        } else if (pair.phase().inProgress()) {
            code = ArrayContext.refusal(method, COPY_IN_PROCESS, "Synchronization: " + pair.phase() + " is running");
        } else {
            Outcome<Synchronization> outcome = ctx.engine().replication()
                    .modifySynchronization(CopyServicesOperation.DETACH, pair.id());
            ctx.job(outcome, method, system, service, List.of());
            code = outcome.succeeded() ? 0 : ArrayContext.code(method, outcome);
        }
        return new DeleteSynchronizationResult.Builder()
                .returnValue(DeleteSynchronizationResult.ReturnCode.lookup(code)).build();
    }

    /** CreateConsistencySet. */
    public CreateConsistencySetResult createConsistencySet(CreateConsistencySetArgs args) {
        String method = "CreateConsistencySet";
        CreateConsistencySetResult.Builder result = new CreateConsistencySetResult.Builder();
        Outcome<ReplicaGroup> outcome = createSet(method, GroupKind.CONSISTENCY_SET, args.getCopyType(),
                args.getElementName());
        result.returnValue(CreateConsistencySetResult.ReturnCode.lookup(ArrayContext.code(method, outcome)));
        outcome.value().ifPresent(g -> result.consistencySet(ctx.names().group(g.id())));
        return result.build();
    }

    /** CreateSynchronizedSet. */
    public CreateSynchronizedSetResult createSynchronizedSet(CreateSynchronizedSetArgs args) {
        String method = "CreateSynchronizedSet";
        CreateSynchronizedSetResult.Builder result = new CreateSynchronizedSetResult.Builder();
        Outcome<ReplicaGroup> outcome = createSet(method, GroupKind.SYNCHRONIZED_SET, args.getCopyType(),
                args.getElementName());
        result.returnValue(CreateSynchronizedSetResult.ReturnCode.lookup(ArrayContext.code(method, outcome)));
        outcome.value().ifPresent(g -> result.synchronizedSet(ctx.names().group(g.id())));
        return result.build();
    }

    private Outcome<ReplicaGroup> createSet(String method, GroupKind kind, Integer copyTypeNumber, String name) {
        CopyType copyType = null;
        if (copyTypeNumber != null) {
            copyType = CopyType.fromValue(copyTypeNumber).orElse(null);
            if (copyType == null) {
                return Outcome.refused(copyTypeNumber >= 0x8000 ? COPY_TYPE_NOT_SUPPORTED : INVALID_PARAMETER,
                        "CopyType: " + copyTypeNumber + " is not 2 Async, 3 Sync, 4 UnSyncAssoc or 5 UnSyncUnAssoc");
            }
        }
        return ctx.engine().sets().createSet(kind, name, copyType);
    }

    /** DeleteConsistencySet: only an empty set. */
    public DeleteConsistencySetResult deleteConsistencySet(DeleteConsistencySetArgs args) {
        long code = deleteSet("DeleteConsistencySet", args.getConsistencySet(), GroupKind.CONSISTENCY_SET);
        return new DeleteConsistencySetResult.Builder()
                .returnValue(DeleteConsistencySetResult.ReturnCode.lookup(code)).build();
    }

    /** DeleteSynchronizedSet: only an empty set. */
    public DeleteSynchronizedSetResult deleteSynchronizedSet(DeleteSynchronizedSetArgs args) {
        long code = deleteSet("DeleteSynchronizedSet", args.getSynchronizedSet(), GroupKind.SYNCHRONIZED_SET);
        return new DeleteSynchronizedSetResult.Builder()
                .returnValue(DeleteSynchronizedSetResult.ReturnCode.lookup(code)).build();
    }

    private long deleteSet(String method, CimReference<?> path, GroupKind kind) {
        String id = ctx.directory().groupIdFromPath(path);
        ReplicaGroup set = id == null ? null : ctx.engine().sets().set(id).orElse(null);
        if (set == null || set.groupKind() != kind) {
            return ArrayContext.refusal(method, INVALID_PARAMETER, "no " + kind + " " + path);
        }
        return ArrayContext.code(method, ctx.engine().sets().deleteSet(id));
    }

    /** ModifySynchronizedSet: Add / Remove a relationship, or apply one operation to every member (may start a job). */
    public ModifySynchronizedSetResult modifySynchronizedSet(StorageSystem system, CimReference<?> service,
            ModifySynchronizedSetArgs args) {
        String method = "ModifySynchronizedSet";
        ModifySynchronizedSetResult.Builder result = new ModifySynchronizedSetResult.Builder();
        String setId = ctx.directory().groupIdFromPath(args.getSynchronizedSet());
        Integer operation = Enums.number(args.getOperationValue());
        if (setId == null || operation == null) {
            return result.returnValue(ModifySynchronizedSetResult.ReturnCode.lookup(ArrayContext.refusal(method,
                    INVALID_PARAMETER, setId == null ? "SynchronizedSet: no set " + args.getSynchronizedSet()
                            : "Operation: required"))).build();
        }
        Synchronization pair = ctx.directory().pairFromPath(args.getStorageSynchronized());
        if (args.getStorageSynchronized() != null && pair == null) {
            return result.returnValue(ModifySynchronizedSetResult.ReturnCode.lookup(ArrayContext.refusal(method,
                    INVALID_PARAMETER, "StorageSynchronized: no relationship " + args.getStorageSynchronized())))
                    .build();
        }
        Outcome<ReplicaGroup> outcome = ctx.engine().sets().modifySynchronizedSet(setId, operation,
                pair == null ? null : pair.id());
        return result.returnValue(ModifySynchronizedSetResult.ReturnCode.lookup(ArrayContext.code(method, outcome)))
                .job(ctx.job(outcome, method, system, service, List.of()))
                .build();
    }

    /** GetSupportedSetTypes: both kinds. */
    public GetSupportedSetTypesResult getSupportedSetTypes() {
        return new GetSupportedSetTypesResult.Builder()
                .returnValue(GetSupportedSetTypesResult.ReturnCode.lookup(0))
                .supportedSetTypes(Enums.list(GetSupportedSetTypesResult.SupportedSetTypes.class, 0, 1))
                .build();
    }
}
