package org.cimforge.sample.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cimforge.array.ArrayEngine;
import org.cimforge.array.model.CopyState;
import org.cimforge.array.model.PairKind;
import org.cimforge.array.model.ReplicationOperation;
import org.cimforge.sample.bindings.cim.ReplicationServiceCapabilities.GetSupportedOperationsArgs;
import org.cimforge.sample.bindings.cim.ReplicationServiceCapabilities.GetSupportedOperationsArgs.ServiceControlling;
import org.cimforge.sample.bindings.cim.ReplicationServiceCapabilities.GetSupportedOperationsArgs.SupportedOperations;
import org.cimforge.sample.bindings.cim.ReplicationServiceCapabilities.GetSupportedOperationsResult;

/**
 * ReplicationServiceCapabilities.GetSupportedOperations: the ModifyReplicaSynchronization operations of a
 * ReplicationType, optionally only those allowed from a CopyState, read from the engine's transition rules so that
 * what is advertised is what ModifyReplicaSynchronization then accepts.
 */
final class SupportedOperationsQuery {
    /** SupportedReplicationTypes this array advertises: sync / async / adaptive mirror, snapshot, clone (local). */
    static final int[] REPLICATION_TYPES = {2, 3, 6, 10, 18};

    private SupportedOperationsQuery() {
    }

    static GetSupportedOperationsResult answer(ArrayEngine engine, GetSupportedOperationsArgs args) {
        GetSupportedOperationsResult.Builder result = new GetSupportedOperationsResult.Builder();
        if (args.getReplicationType() == null) {
            return result.returnValue(GetSupportedOperationsResult.ReturnCode.INVALID_PARAMETER).build();
        }
        Optional<PairKind> kind = kindOf(args.getReplicationType());
        if (kind.isEmpty()) {
            return result.returnValue(GetSupportedOperationsResult.ReturnCode.NOT_SUPPORTED).build();
        }
        Optional<CopyState> from = Optional.empty();
        if (args.getCopyState() != null) {
            from = CopyState.fromValue(args.getCopyState());
            if (from.isEmpty()) {
                return result.returnValue(GetSupportedOperationsResult.ReturnCode.INVALID_PARAMETER).build();
            }
        }
        List<ReplicationOperation> operations = engine.replication().supportedOperations(kind.get(), from);
        int[] numbers = new int[operations.size()];
        // Source and target are on the same system, so either one's service controls the pair.
        ServiceControlling[] controlling = new ServiceControlling[operations.size()];
        List<Boolean> noForce = new ArrayList<>();
        List<Boolean> newPath = new ArrayList<>();
        for (int i = 0; i < numbers.length; i++) {
            ReplicationOperation op = operations.get(i);
            numbers[i] = op.value();
            controlling[i] = ServiceControlling.SOURCE_OR_TARGET;
            noForce.add(false);
            // Reverse Roles swaps source and target, the keys of the relationship.
            newPath.add(op == ReplicationOperation.REVERSE_ROLES);
        }
        return result.returnValue(GetSupportedOperationsResult.ReturnCode.SUCCESS)
                .supportedOperations(Enums.list(SupportedOperations.class, numbers))
                .serviceControlling(controlling)
                .requiresForce(noForce)
                .updatesSynchronizedPath(newPath)
                .build();
    }

    private static Optional<PairKind> kindOf(int replicationType) {
        return switch (replicationType) {
            case 2, 3, 18 -> Optional.of(PairKind.MIRROR);
            case 6 -> Optional.of(PairKind.SNAPSHOT);
            case 10 -> Optional.of(PairKind.CLONE);
            default -> Optional.empty();
        };
    }
}
