package org.cimforge.sample.provider;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.cimforge.array.Outcome;
import org.cimforge.array.Replica;
import org.cimforge.array.ReplicaRequest;
import org.cimforge.array.VolumeRequest;
import org.cimforge.array.model.Provisioning;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.EnumValue;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.AttachReplicaArgs;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.AttachReplicaResult;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateOrModifyElementFromStoragePoolArgs;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateOrModifyElementFromStoragePoolResult;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateOrModifyStoragePoolArgs;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateOrModifyStoragePoolResult;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateReplicaArgs;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.CreateReplicaResult;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.DeleteStoragePoolArgs;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.DeleteStoragePoolResult;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.ModifySynchronizationArgs;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.ModifySynchronizationResult;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.ReturnToStoragePoolArgs;
import org.cimforge.sample.bindings.cim.StorageConfigurationService.ReturnToStoragePoolResult;

/**
 * The DMTF StorageConfigurationService methods (pools, volumes and Copy Services replicas) for one system, shared by
 * TPD_StorageConfigurationService and IBMTSESS_AsyncPPRCService. Every element a call names must be on the service's
 * system; a name that resolves to nothing is 5 Invalid Parameter, except a relationship that no longer exists, which
 * is 4 Failed as on 3PAR.
 */
public final class StorageConfigurationMethods {
    static final int FAILED = 4;
    static final int INVALID_PARAMETER = 5;
    static final int NOT_SUPPORTED = 1;
    static final int SIZE_NOT_SUPPORTED = 4097;

    private final ArrayContext ctx;

    /** Methods over the context's engine. */
    public StorageConfigurationMethods(ArrayContext ctx) {
        this.ctx = ctx;
    }

    /** CreateOrModifyStoragePool: a new pool from the system's raw capacity, or a renamed / resized one. */
    public CreateOrModifyStoragePoolResult createOrModifyStoragePool(StorageSystem system,
            CreateOrModifyStoragePoolArgs args) {
        String method = "CreateOrModifyStoragePool";
        CreateOrModifyStoragePoolResult.Builder result = new CreateOrModifyStoragePoolResult.Builder();
        if (args.getGoal() != null || !empty(args.getInPools()) || !empty(args.getInExtents())) {
            return result.returnValue(rc(ArrayContext.refusal(method, NOT_SUPPORTED,
                    "Goal, InPools and InExtents: pools are carved from the system's raw capacity only"))).build();
        }
        Long size = ArrayContext.bytes(args.getSize());
        Outcome<StoragePool> outcome;
        if (args.getPool() != null) {
            StoragePool pool = ctx.directory().poolFromPath(args.getPool());
            if (pool == null || !pool.systemId().equals(system.id())) {
                return result.returnValue(rc(ArrayContext.refusal(method, INVALID_PARAMETER,
                        "Pool: no pool " + args.getPool() + " on " + system.id()))).build();
            }
            outcome = ctx.engine().storage().modifyPool(pool.id(), args.getElementName(), size == null ? 0 : size);
        } else {
            if (size == null) {
                return result.returnValue(rc(ArrayContext.refusal(method, INVALID_PARAMETER,
                        "Size: required to create a pool"))).build();
            }
            outcome = ctx.engine().storage().createPool(system.id(), args.getElementName(), size, 0, 0);
        }
        result.returnValue(rc(ArrayContext.code(method, outcome)));
        outcome.value().ifPresent(p -> result.size(ArrayInstances.big(p.totalBytes())).pool(ctx.names().pool(p)));
        nearest(outcome).ifPresent(result::size);
        return result.build();
    }

    /** CreateOrModifyElementFromStoragePool: a new volume (thick or thin) in a pool, or a renamed / grown one. */
    public CreateOrModifyElementFromStoragePoolResult createOrModifyElementFromStoragePool(StorageSystem system,
            CreateOrModifyElementFromStoragePoolArgs args) {
        String method = "CreateOrModifyElementFromStoragePool";
        CreateOrModifyElementFromStoragePoolResult.Builder result =
                new CreateOrModifyElementFromStoragePoolResult.Builder();
        if (args.getGoal() != null) {
            return result.returnValue(rc2(ArrayContext.refusal(method, INVALID_PARAMETER,
                    "Goal: this array serves no setting that could be a goal"))).build();
        }
        Long size = ArrayContext.bytes(args.getSize());
        Outcome<Volume> outcome;
        if (args.getTheElement() != null) {
            Volume volume = ctx.directory().volumeFromPath(args.getTheElement());
            if (volume == null || !volume.systemId().equals(system.id())) {
                return result.returnValue(rc2(ArrayContext.refusal(method, INVALID_PARAMETER,
                        "TheElement: no volume " + args.getTheElement() + " on " + system.id()))).build();
            }
            outcome = ctx.engine().storage().modifyVolume(volume.id(), args.getElementName(), size == null ? 0 : size);
        } else {
            Integer type = Enums.number(args.getElementTypeValue());
            Provisioning provisioning = type == null ? Provisioning.THICK : switch (type) {
                case 2, 7 -> Provisioning.THICK;
                case 5 -> Provisioning.THIN;
                default -> null;
            };
            if (provisioning == null) {
                int code = type == 3 || type == 4 || type == 6 || type == 8 || type >= 0x8000 ? NOT_SUPPORTED
                        : INVALID_PARAMETER;
                return result.returnValue(rc2(ArrayContext.refusal(method, code, "ElementType: " + type
                        + " is not a volume type this array creates (2, 5 or 7)"))).build();
            }
            StoragePool pool = ctx.directory().poolFromPath(args.getInPool());
            if (pool == null || !pool.systemId().equals(system.id())) {
                return result.returnValue(rc2(ArrayContext.refusal(method, INVALID_PARAMETER,
                        "InPool: " + (args.getInPool() == null ? "required" : "no pool " + args.getInPool()
                                + " on " + system.id())))).build();
            }
            if (size == null) {
                return result.returnValue(rc2(ArrayContext.refusal(method, INVALID_PARAMETER,
                        "Size: required to create a volume"))).build();
            }
            outcome = ctx.engine().storage().createVolume(new VolumeRequest(pool.id(), args.getElementName(), size,
                    512, provisioning, null));
        }
        result.returnValue(rc2(ArrayContext.code(method, outcome)));
        outcome.value().ifPresent(v -> {
            ctx.directory().remember(v);
            result.size(ArrayInstances.big(v.sizeBytes())).theElement(ctx.names().volume(system, v));
        });
        nearest(outcome).ifPresent(result::size);
        return result.build();
    }

    /** DeleteStoragePool: only an empty pool goes; its space returns to the system. */
    public DeleteStoragePoolResult deleteStoragePool(StorageSystem system, DeleteStoragePoolArgs args) {
        String method = "DeleteStoragePool";
        StoragePool pool = ctx.directory().poolFromPath(args.getPool());
        long code = pool == null || !pool.systemId().equals(system.id())
                ? ArrayContext.refusal(method, INVALID_PARAMETER, "Pool: no pool " + args.getPool() + " on "
                        + system.id())
                : ArrayContext.code(method, ctx.engine().storage().deletePool(pool.id()));
        return new DeleteStoragePoolResult.Builder()
                .returnValue(DeleteStoragePoolResult.ReturnCode.lookup(code)).build();
    }

    /** ReturnToStoragePool: deletes a volume (6 In Use while it is a source, a running target or in a session). */
    public ReturnToStoragePoolResult returnToStoragePool(StorageSystem system, ReturnToStoragePoolArgs args) {
        String method = "ReturnToStoragePool";
        Volume volume = ctx.directory().volumeFromPath(args.getTheElement());
        long code = volume == null || !volume.systemId().equals(system.id())
                ? ArrayContext.refusal(method, INVALID_PARAMETER, "TheElement: no volume " + args.getTheElement()
                        + " on " + system.id())
                : ArrayContext.code(method, ctx.engine().storage().deleteVolume(volume.id()));
        return new ReturnToStoragePoolResult.Builder()
                .returnValue(ReturnToStoragePoolResult.ReturnCode.lookup(code)).build();
    }

    /**
     * CreateReplica: a new target volume and the relationship (4096 + job while data is copied; 0 for a snapshot).
     * TargetSettingGoal is refused: the array serves no StorageSetting, so no goal can name one.
     */
    public CreateReplicaResult createReplica(StorageSystem system, CimReference<?> service, CreateReplicaArgs args) {
        String method = "CreateReplica";
        CreateReplicaResult.Builder result = new CreateReplicaResult.Builder();
        if (args.getTargetSettingGoal() != null) {
            return result.returnValue(CreateReplicaResult.ReturnCode.lookup(ArrayContext.refusal(method,
                    INVALID_PARAMETER, "TargetSettingGoal: this array serves no StorageSetting"))).build();
        }
        String refusal = null;
        Volume source = ctx.directory().volumeFromPath(args.getSourceElement());
        if (args.getSourceElement() != null && (source == null || !source.systemId().equals(system.id()))) {
            refusal = "SourceElement: no volume " + args.getSourceElement() + " on " + system.id();
        }
        StoragePool pool = ctx.directory().poolFromPath(args.getTargetPool());
        if (args.getTargetPool() != null && (pool == null || !pool.systemId().equals(system.id()))) {
            refusal = "TargetPool: no pool " + args.getTargetPool() + " on " + system.id();
        }
        if (refusal != null) {
            return result.returnValue(CreateReplicaResult.ReturnCode.lookup(ArrayContext.refusal(method,
                    INVALID_PARAMETER, refusal))).build();
        }
        Outcome<Replica> outcome = ctx.engine().replication().createReplica(new ReplicaRequest(
                source == null ? null : source.id(), args.getElementName(), Enums.number(args.getCopyTypeValue()),
                null, pool == null ? null : pool.id(), null));
        result.returnValue(CreateReplicaResult.ReturnCode.lookup(ArrayContext.code(method, outcome)));
        outcome.value().ifPresent(r -> {
            ctx.directory().remember(r.target());
            result.targetElement(ctx.names().volume(system, r.target()));
        });
        List<String> created = outcome.value().map(r -> List.of(r.target().id())).orElse(List.of());
        return result.job(ctx.job(outcome, method, system, service, created)).build();
    }

    /** AttachReplica: a relationship to an existing target of the same size. */
    public AttachReplicaResult attachReplica(StorageSystem system, CimReference<?> service, AttachReplicaArgs args) {
        String method = "AttachReplica";
        Volume source = ctx.directory().volumeFromPath(args.getSourceElement());
        Volume target = ctx.directory().volumeFromPath(args.getTargetElement());
        String refusal = null;
        if (args.getSourceElement() != null && (source == null || !source.systemId().equals(system.id()))) {
            refusal = "SourceElement: no volume " + args.getSourceElement() + " on " + system.id();
        } else if (target == null || !target.systemId().equals(system.id())) {
            refusal = "TargetElement: " + (args.getTargetElement() == null ? "required"
                    : "no volume " + args.getTargetElement() + " on " + system.id());
        }
        if (refusal != null) {
            return new AttachReplicaResult.Builder().returnValue(AttachReplicaResult.ReturnCode.lookup(
                    ArrayContext.refusal(method, INVALID_PARAMETER, refusal))).build();
        }
        Outcome<Replica> outcome = ctx.engine().replication().createReplica(new ReplicaRequest(
                source == null ? null : source.id(), null, Enums.number(args.getCopyTypeValue()), null, null,
                target.id()));
        return new AttachReplicaResult.Builder()
                .returnValue(AttachReplicaResult.ReturnCode.lookup(ArrayContext.code(method, outcome)))
                .job(ctx.job(outcome, method, system, service, List.of()))
                .build();
    }

    /** ModifySynchronization: one Copy Services operation on a relationship of this system. */
    public ModifySynchronizationResult modifySynchronization(StorageSystem system, CimReference<?> service,
            ModifySynchronizationArgs args) {
        String method = "ModifySynchronization";
        ModifySynchronizationResult.Builder result = new ModifySynchronizationResult.Builder();
        Integer operation = Enums.number(args.getOperationValue());
        if (operation == null) {
            return result.returnValue(ModifySynchronizationResult.ReturnCode.lookup(ArrayContext.refusal(method,
                    INVALID_PARAMETER, "Operation: required"))).build();
        }
        Synchronization pair = ctx.directory().pairFromPath(args.getSynchronization());
        if (pair == null || !onSystem(ctx.directory().systemOf(pair), system)) {
            return result.returnValue(ModifySynchronizationResult.ReturnCode.lookup(ArrayContext.refusal(method,
                    FAILED, "Synchronization: no relationship " + args.getSynchronization() + " on "
                            + system.id()))).build();
        }
        Outcome<Synchronization> outcome = ctx.engine().replication().modifySynchronization(operation, pair.id());
        return result.returnValue(ModifySynchronizationResult.ReturnCode.lookup(ArrayContext.code(method, outcome)))
                .job(ctx.job(outcome, method, system, service, List.of()))
                .build();
    }

    private static EnumValue<CreateOrModifyStoragePoolResult.ReturnCode> rc(long code) {
        return CreateOrModifyStoragePoolResult.ReturnCode.lookup(code);
    }

    private static EnumValue<CreateOrModifyElementFromStoragePoolResult.ReturnCode> rc2(
            long code) {
        return CreateOrModifyElementFromStoragePoolResult.ReturnCode.lookup(code);
    }

    private static Optional<BigInteger> nearest(Outcome<?> outcome) {
        if (outcome instanceof Outcome.Refused<?> r && r.returnCode() == SIZE_NOT_SUPPORTED && r.nearestSize() != null) {
            return Optional.of(ArrayInstances.big(r.nearestSize()));
        }
        return Optional.empty();
    }

    static boolean onSystem(StorageSystem found, StorageSystem system) {
        return found != null && found.id().equals(system.id());
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
