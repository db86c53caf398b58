package org.cimforge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Every ModifySynchronization operation that each CIM_StorageReplicationCapabilities advertises, and every
 * ModifyReplicaSynchronization operation that ReplicationServiceCapabilities.GetSupportedOperations lists for each
 * supported ReplicationType, run against a real pair of that type on the packaged provider (SBLIM client, generic
 * calls). Each pair is walked through its states until every advertised operation has succeeded (0, or 4096 with
 * its job completed without error); the walk is bounded in steps.
 */
class ModifyOperationsIT {
    private static final long GIB = 1L << 30;
    private static final int MAX_STEPS = 80;
    private static SampleProcess sample;
    private static WBEMClient client;
    private static CIMObjectPath inserv;

    @BeforeAll
    static void start() throws Exception {
        // 1 GiB per second: a full copy of the 512 MiB sources below takes half a second, long enough to catch it
        // in progress for the operations that interrupt a copy.
        sample = SampleProcess.start(null, "--copy-rate", "1G");
        client = Clients.sblim(sample);
        inserv = Calls.named(client, "CIM_ComputerSystem", "InServ-sample").getObjectPath();
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        assertThat(sample.stop()).as("exit code after SIGTERM").isIn(0, 130, 143);
    }

    // ------------------------------------------------------------------ Copy Services: ModifySynchronization

    @Test
    void everyAdvertisedModifySynchronizationOperationSucceedsOnAPairOfItsType() throws Exception {
        CIMObjectPath configuration = service("CIM_StorageConfigurationService");
        List<CIMInstance> capabilities = Clients.drain(client.associatorInstances(configuration,
                "CIM_ElementCapabilities", "CIM_StorageReplicationCapabilities", null, null, false, null));
        assertThat(capabilities).extracting(c -> number(c, "SupportedSynchronizationType"))
                .containsExactlyInAnyOrder(2, 3, 4, 5, 6);
        for (CIMInstance c : capabilities) {
            int type = number(c, "SupportedSynchronizationType");
            Set<Integer> advertised = new LinkedHashSet<>(numbers(c, "SupportedModifyOperations"));
            assertThat(advertised).as("SupportedModifyOperations of type %d", type).isNotEmpty();
            if (type == 6) {
                walkPhysicalCopy(configuration, advertised);
            } else {
                walkCopyServices(configuration, type, advertised);
            }
        }
    }

    /** Copy Services SynchronizationType → how to create such a pair (SyncType, Mode of CreateElementReplica). */
    private static CIMObjectPath createPair(int synchronizationType, String name) throws Exception {
        return switch (synchronizationType) {
            case 2 -> createElementReplica(name, 6, 3); // Async: mirror, asynchronous
            case 3 -> createElementReplica(name, 6, 2); // Sync: mirror, synchronous
            case 4 -> createElementReplica(name, 8, 2); // UnSyncAssoc-Full: clone
            case 5 -> createElementReplica(name, 7, 2); // UnSyncAssoc-Delta: snapshot
            default -> throw new AssertionError("no way to create SynchronizationType " + synchronizationType);
        };
    }

    private static void walkCopyServices(CIMObjectPath configuration, int type, Set<Integer> advertised)
            throws Exception {
        CIMObjectPath pair = createPair(type, "cs-" + type);
        Set<Integer> terminal = Set.of(2); // Detach ends the relationship
        Set<Integer> pending = new LinkedHashSet<>(advertised);
        pending.removeAll(terminal);
        List<Integer> succeeded = new ArrayList<>();
        Map<String, Set<Integer>> refusedIn = new HashMap<>();
        List<String> trail = new ArrayList<>();
        for (int step = 0; !pending.isEmpty(); step++) {
            assertThat(step).as("type %d: still not run %s after %s", type, pending, trail).isLessThan(MAX_STEPS);
            boolean copying = copying(pair);
            String state = copyServicesState(pair);
            Set<Integer> refused = refusedIn.computeIfAbsent(state, s -> new HashSet<>());
            List<Integer> candidates = new ArrayList<>(pending);
            candidates.addAll(rotated(succeeded, step));
            boolean moved = false;
            for (int op : candidates) {
                if (refused.contains(op)) {
                    continue;
                }
                Calls.Answer answer = Calls.invoke(client, configuration, "ModifySynchronization",
                        Calls.uint16("Operation", op), Calls.ref("Synchronization", pair));
                if (answer.returnCode() == 0 || answer.returnCode() == 4096) {
                    trail.add(state + " -" + op + "->");
                    boolean firstRun = pending.remove(op);
                    if (firstRun) {
                        succeeded.add(op);
                    }
                    moved = true;
                    // Stop Copy interrupts a running copy, and it is the only way into Idle, where Quiesce starts:
                    // a copy is left running while Stop Copy is still to do, and, when it was started only to move
                    // on (an operation run before), while anything is left, so the next step can stop it. Without
                    // the second case a walk that stopped its first copy and left Idle never came back to Idle.
                    boolean interruptible = answer.returnCode() == 4096 && advertised.contains(13)
                            && (pending.contains(13) || !firstRun && !pending.isEmpty());
                    if (!(interruptible && copying(pair))) {
                        awaitSuccess(answer, "ModifySynchronization " + op + " on type " + type + " in " + state);
                    }
                    break;
                }
                if (!copyServicesState(pair).equals(state)) {
                    // Only the operation still running may change the pair under a refusal: it ended meanwhile.
                    assertThat(copying).as("a refusal of %d changed a pair with nothing running, in %s", op, state)
                            .isTrue();
                    moved = true;
                    break;
                }
                // Refusals: 4 not from this state, 5 not for this CopyType (Reset To Sync on a sync pair), and
                // 6 In Use for an operation that waits for the running copy to end.
                assertThat(answer.returnCode()).as("ModifySynchronization %d on type %d in %s", op, type, state)
                        .isIn(4L, 5L, copying ? 6L : 4L);
                refused.add(op);
            }
            if (!moved) {
                // Everything is refused while the pair is busy: wait (bounded) for its running operation to end.
                awaitChange(pair, state, "type " + type + ": no advertised operation accepted in " + state
                        + " (trail " + trail + ")");
            }
        }
        for (int op : terminal) {
            if (advertised.contains(op)) {
                Calls.Answer answer = Calls.invoke(client, configuration, "ModifySynchronization",
                        Calls.uint16("Operation", op), Calls.ref("Synchronization", pair));
                assertThat(answer.returnCode()).as("Detach of type %d", type).isZero();
                assertGone(pair);
            }
        }
    }

    /** A physical copy's relationship lives only while it copies: Stop Copy, the one operation, ends both. */
    private static void walkPhysicalCopy(CIMObjectPath configuration, Set<Integer> advertised) throws Exception {
        assertThat(advertised).containsExactly(13);
        CIMObjectPath source = createVolume("cs-physical-source", 8 * GIB); // about 8 s of copying
        Calls.Answer started = Calls.invoke(client, configuration, "CreateReplica",
                Calls.string("ElementName", "cs-physical"), Calls.ref("SourceElement", source),
                Calls.uint16("CopyType", 5));
        assertThat(started.returnCode()).isEqualTo(4096);
        List<CIMObjectPath> pairs = Clients.drain(client.referenceNames(source, "CIM_StorageSynchronized", null));
        assertThat(pairs).hasSize(1);
        Calls.Answer stopped = Calls.invoke(client, configuration, "ModifySynchronization",
                Calls.uint16("Operation", 13), Calls.ref("Synchronization", pairs.get(0)));
        assertThat(stopped.returnCode()).isZero();
        assertGone(pairs.get(0));
        CIMInstance job = Calls.awaitJob(client, started.ref("Job"), Duration.ofSeconds(30));
        assertThat(Calls.jobState(job)).as("the copy's job after Stop Copy").isEqualTo(8); // Terminated
    }

    private static void awaitChange(CIMObjectPath pair, String state, String failure) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (copyServicesState(pair).equals(state)) {
            assertThat(System.nanoTime()).as(failure).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** True while data moves for the pair (ProgressStatus Synchronizing or Resyncing). */
    private static boolean copying(CIMObjectPath pair) throws WBEMException {
        int progress = number(client.getInstance(pair, false, false, null), "ProgressStatus");
        return progress == 6 || progress == 7;
    }

    private static String copyServicesState(CIMObjectPath pair) throws WBEMException {
        CIMInstance i = client.getInstance(pair, false, false, null);
        return "SyncState " + number(i, "SyncState") + "/CopyType " + number(i, "CopyType");
    }

    // ------------------------------------------------------------------ Replication Services

    @Test
    void everyOperationGetSupportedOperationsListsSucceedsOnAPairOfItsReplicationType() throws Exception {
        CIMObjectPath replication = service("CIM_ReplicationService");
        List<CIMInstance> capabilities = Clients.drain(client.associatorInstances(replication,
                "CIM_ElementCapabilities", "CIM_ReplicationServiceCapabilities", null, null, false, null));
        assertThat(capabilities).hasSize(1);
        CIMObjectPath caps = capabilities.get(0).getObjectPath();
        List<Integer> types = numbers(capabilities.get(0), "SupportedReplicationTypes");
        assertThat(types).containsExactlyInAnyOrder(2, 3, 6, 10, 18);
        for (int type : types) {
            Set<Integer> advertised = new LinkedHashSet<>(supportedOperations(caps, type, null));
            assertThat(advertised).as("operations of ReplicationType %d", type).isNotEmpty();
            walkReplication(replication, caps, type, advertised);
        }
        // A type the array does not offer (Synchronous Mirror Remote) is Not Supported, not an empty list.
        Calls.Answer remote = Calls.invoke(client, caps, "GetSupportedOperations",
                Calls.uint16("ReplicationType", 4));
        assertThat(remote.returnCode()).isEqualTo(1);
    }

    /** ReplicationType → CreateElementReplica SyncType and Mode. */
    private static CIMObjectPath createReplicationPair(int replicationType, String name) throws Exception {
        return switch (replicationType) {
            case 2 -> createElementReplica(name, 6, 2);
            case 3 -> createElementReplica(name, 6, 3);
            case 18 -> createElementReplica(name, 6, 4);
            case 6 -> createElementReplica(name, 7, 2);
            case 10 -> createElementReplica(name, 8, 2);
            default -> throw new AssertionError("no way to create ReplicationType " + replicationType);
        };
    }

    private static void walkReplication(CIMObjectPath replication, CIMObjectPath caps, int type,
            Set<Integer> advertised) throws Exception {
        // Detach, Dissolve and Return To ResourcePool end the relationship: each gets a pair of its own at the end.
        Set<Integer> terminal = Set.of(8, 9, 19);
        Set<Integer> pending = new LinkedHashSet<>(advertised);
        pending.removeAll(terminal);
        List<Integer> succeeded = new ArrayList<>();
        List<String> trail = new ArrayList<>();
        CIMObjectPath pair = createReplicationPair(type, "rs-" + type);
        for (int step = 0; !pending.isEmpty(); step++) {
            assertThat(step).as("type %d: still not run %s after %s", type, pending, trail).isLessThan(MAX_STEPS);
            boolean copying = copying(pair);
            int copyState = copyState(pair);
            List<Integer> allowed = supportedOperations(caps, type, copyState);
            assertThat(advertised).as("operations from CopyState %d are among those of the type", copyState)
                    .containsAll(allowed);
            Integer op = pick(allowed, pending, succeeded, terminal, step);
            assertThat(op).as("type %d: nothing to do from CopyState %d (trail %s)", type, copyState, trail)
                    .isNotNull();
            Calls.Answer answer = modifyReplica(replication, op, pair);
            if (copying && answer.returnCode() != 0 && answer.returnCode() != 4096 && !copying(pair)) {
                // The copy this operation was meant to interrupt ended between the read and the call.
                trail.add("(copy ended before " + op + ")");
                continue;
            }
            assertThat(answer.returnCode()).as("ModifyReplicaSynchronization %d on type %d from CopyState %d", op,
                    type, copyState).isIn(0L, 4096L);
            CIMObjectPath updated = answer.ref("UpdatedSynchronization");
            if (updated != null) {
                pair = updated;
            }
            trail.add(copyState + " -" + op + "->");
            if (pending.remove(op)) {
                succeeded.add(op);
            }
            if (answer.returnCode() == 4096 && copying(pair)
                    && supportedOperations(caps, type, 3).stream().anyMatch(pending::contains)) {
                continue; // a copy runs, and an operation still to run interrupts copies: its turn is next
            }
            awaitSuccess(answer, "ModifyReplicaSynchronization " + op + " on type " + type);
        }
        for (int op : terminal) {
            if (advertised.contains(op)) {
                CIMObjectPath doomed = createReplicationPair(type, "rs-" + type + "-end-" + op);
                assertThat(supportedOperations(caps, type, copyState(doomed))).contains(op);
                Calls.Answer answer = modifyReplica(replication, op, doomed);
                assertThat(answer.returnCode()).as("operation %d on type %d", op, type).isZero();
                assertGone(doomed);
            }
        }
    }

    /** A pending operation when one is allowed now, else one already run (rotated) to move to another state. */
    private static Integer pick(List<Integer> allowed, Set<Integer> pending, List<Integer> succeeded,
            Set<Integer> terminal, int step) {
        for (int op : pending) {
            if (allowed.contains(op)) {
                return op;
            }
        }
        for (int op : rotated(succeeded, step)) {
            if (allowed.contains(op) && !terminal.contains(op)) {
                return op;
            }
        }
        return null;
    }

    private static Calls.Answer modifyReplica(CIMObjectPath replication, int op, CIMObjectPath pair)
            throws WBEMException {
        return Calls.invoke(client, replication, "ModifyReplicaSynchronization", Calls.uint16("Operation", op),
                Calls.ref("Synchronization", pair));
    }

    private static List<Integer> supportedOperations(CIMObjectPath caps, int type, Integer copyState)
            throws WBEMException {
        List<CIMArgument<?>> in = new ArrayList<>();
        in.add(Calls.uint16("ReplicationType", type));
        if (copyState != null) {
            in.add(Calls.uint16("CopyState", copyState));
        }
        Calls.Answer answer = Calls.invoke(client, caps, "GetSupportedOperations", in.toArray(CIMArgument<?>[]::new));
        assertThat(answer.returnCode()).as("GetSupportedOperations(%d, %s)", type, copyState).isZero();
        Object[] ops = (Object[]) answer.out().get("supportedoperations");
        Object[] controlling = (Object[]) answer.out().get("servicecontrolling");
        assertThat(controlling).as("ServiceControlling is indexed like SupportedOperations").hasSameSizeAs(ops);
        List<Integer> result = new ArrayList<>();
        for (Object o : ops) {
            result.add(((Number) o).intValue());
        }
        return result;
    }

    private static int copyState(CIMObjectPath pair) throws WBEMException {
        return number(client.getInstance(pair, false, false, null), "CopyState");
    }

    // ------------------------------------------------------------------ shared

    private static CIMObjectPath service(String className) throws WBEMException {
        return Clients.drain(client.associatorNames(inserv, "CIM_HostedService", className, null, null)).get(0);
    }

    private static CIMObjectPath createVolume(String name, long bytes) throws WBEMException {
        Calls.Answer made = Calls.invoke(client, service("CIM_StorageConfigurationService"),
                "CreateOrModifyElementFromStoragePool", Calls.string("ElementName", name),
                Calls.uint16("ElementType", 2),
                Calls.ref("InPool", Calls.named(client, "CIM_StoragePool", "FC_r5").getObjectPath()),
                Calls.uint64("Size", bytes));
        assertThat(made.returnCode()).isZero();
        return made.ref("TheElement");
    }

    /** A new 512 MiB source and a replica of it; returns the relationship once its creation has finished. */
    private static CIMObjectPath createElementReplica(String name, int syncType, int mode) throws Exception {
        CIMObjectPath source = createVolume(name + "-source", GIB / 2);
        Calls.Answer started = Calls.invoke(client, service("CIM_ReplicationService"), "CreateElementReplica",
                Calls.string("ElementName", name), Calls.uint16("SyncType", syncType), Calls.uint16("Mode", mode),
                Calls.ref("SourceElement", source));
        awaitSuccess(started, "CreateElementReplica SyncType " + syncType + " Mode " + mode);
        CIMObjectPath pair = started.ref("Synchronization");
        assertThat(pair).as("Synchronization of %s", name).isNotNull();
        return pair;
    }

    /** 0, or 4096 with a job that completes without error. */
    private static void awaitSuccess(Calls.Answer answer, String what) throws Exception {
        assertThat(answer.returnCode()).as(what).isIn(0L, 4096L);
        if (answer.returnCode() == 4096) {
            CIMInstance job = Calls.awaitJob(client, answer.ref("Job"), Duration.ofSeconds(60));
            assertThat(Calls.jobState(job)).as("job of %s", what).isEqualTo(7);
            assertThat(number(job, "ErrorCode")).as("ErrorCode of %s", what).isZero();
        }
    }

    private static void assertGone(CIMObjectPath pair) {
        assertThatThrownBy(() -> client.getInstance(pair, false, false, null))
                .isInstanceOfSatisfying(WBEMException.class,
                        e -> assertThat(e.getID()).isEqualTo(WBEMException.CIM_ERR_NOT_FOUND));
    }

    private static List<Integer> rotated(List<Integer> values, int by) {
        List<Integer> result = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            result.add(values.get((i + by) % values.size()));
        }
        return result;
    }

    private static int number(CIMInstance instance, String property) {
        return ((Number) instance.getPropertyValue(property)).intValue();
    }

    private static List<Integer> numbers(CIMInstance instance, String property) {
        List<Integer> result = new ArrayList<>();
        for (Object v : (Object[]) instance.getPropertyValue(property)) {
            result.add(((Number) v).intValue());
        }
        return result;
    }
}
