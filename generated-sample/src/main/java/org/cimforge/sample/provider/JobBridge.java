package org.cimforge.sample.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.cimforge.array.ArrayEngine;
import org.cimforge.array.model.ElementRef;
import org.cimforge.array.model.EntityKind;
import org.cimforge.array.model.Job;
import org.cimforge.array.model.PairKind;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.array.model.Synchronization;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.indication.LifecycleIndications;
import org.cimforge.runtime.jobs.CimJob;
import org.cimforge.runtime.jobs.CimJobs;
import org.cimforge.runtime.jobs.JobControl;
import org.cimforge.runtime.jobs.JobRequest;
import org.cimforge.sample.bindings.cim.ConcreteJob;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * Mirrors engine jobs as CIM jobs of the server's job framework: a method that the engine answers with a job gets a
 * CIM_ConcreteJob (TPD_ConcreteJob on a 3PAR) whose state and progress follow the engine job, with the elements the
 * engine job affects tied to it before it completes. Terminate and Kill requests are carried out by the engine.
 *
 * <p>Engine events arrive on the relay thread (never under the engine lock), so the CIM job is only ever changed from
 * that thread; a job registered after its engine job moved on catches up through a sync task queued behind it.
 */
public final class JobBridge {
    /** CIM_AffectedJobElement.ElementEffects: 5 Create. */
    static final int CREATE = 5;
    /** CIM_AffectedJobElement.ElementEffects: 4 Element Integrity (the element's data is being changed). */
    static final int ELEMENT_INTEGRITY = 4;

    private final CimJobs jobs;
    private final ArrayDirectory directory;
    private final ArrayInstances instances;
    private final Executor relay;
    private final Map<String, Tracked> byEngineId = new ConcurrentHashMap<>();

    /** One engine job and the CIM job that shows it. */
    private static final class Tracked {
        final CimJob job;
        int percent;
        boolean running;

        Tracked(CimJob job) {
            this.job = job;
        }
    }

    /** A bridge creating jobs in {@code jobs}; updates run on {@code relay}. */
    public JobBridge(CimJobs jobs, ArrayInstances instances, Executor relay) {
        this.jobs = jobs;
        this.instances = instances;
        this.directory = instances.directory();
        this.relay = relay;
    }

    private ArrayEngine engine() {
        return directory.engine();
    }

    /**
     * Creates the CIM job of an engine job a method just started, owned by the service the method was invoked on.
     * {@code created} lists the volumes the method creates (they get ElementEffects Create).
     */
    public CimReference<ConcreteJob> start(Job engineJob, String method, StorageSystem system, CimReference<?> owner,
                                           List<String> created) {
        CimJob job = jobs.start(request(engineJob, method, system, owner, created));
        byEngineId.put(engineJob.id(), new Tracked(job));
        relay.execute(() -> sync(engineJob.id()));
        return CimReference.of(job.path());
    }

    /**
     * Re-creates, after a restart, the CIM jobs of the engine jobs the durable state still holds (the engine has
     * already failed the ones that were running when the process stopped), under their old InstanceIDs.
     */
    public void restore() {
        for (Job engineJob : engine().jobs().jobs()) {
            if (byEngineId.containsKey(engineJob.id())) {
                continue;
            }
            StorageSystem system = systemOf(engineJob);
            if (system == null) {
                continue;
            }
            boolean replication = engineJob.name().startsWith("CreateElementReplica")
                    || engineJob.name().startsWith("ModifyReplicaSynchronization");
            CimReference<?> owner = replication ? directory.names().replicationService(system)
                    : directory.names().configService(system);
            start(engineJob, engineJob.name(), system, owner, List.of());
        }
    }

    private StorageSystem systemOf(Job engineJob) {
        for (ElementRef ref : engineJob.affectedElements()) {
            if (ref.kind() == EntityKind.VOLUME) {
                return directory.systemOfVolume(ref.id());
            }
            if (ref.kind() == EntityKind.SYNCHRONIZATION) {
                Synchronization pair = engine().replication().synchronization(ref.id()).orElse(null);
                if (pair != null) {
                    return directory.systemOf(pair);
                }
            }
        }
        return null;
    }

    private JobRequest request(Job engineJob, String method, StorageSystem system, CimReference<?> owner,
                               List<String> created) {
        JobRequest.Builder b = JobRequest.builder(directory.names().namespace(), method)
                .jobClass(ArrayNames.jobClass(system))
                .description(method + " on " + system.name())
                .owningElement(owner.path())
                .instanceId(ArrayNames.jobInstanceId(engineJob.id()))
                .timeSubmitted(engineJob.timeSubmitted())
                .timeBeforeRemoval(engineJob.timeBeforeRemoval())
                .deleteOnCompletion(engineJob.deleteOnCompletion())
                .indicationClasses(LifecycleIndications.CREATION, ArrayNames.jobModificationClass(system),
                        LifecycleIndications.DELETION)
                .control(new EngineJobControl(engineJob.id()));
        for (CIMObjectPath element : affected(engineJob, created)) {
            String id = String.valueOf(element.getKeyValue("DeviceID"));
            b.affectedElement(element, created.contains(id) ? CREATE : ELEMENT_INTEGRITY);
        }
        return b.build();
    }

    /**
     * The elements an engine job affects, as paths: its volumes (the target first, which clients read as the
     * result) and, for relationships that outlive the copy, the relationship.
     */
    private List<CIMObjectPath> affected(Job engineJob, List<String> created) {
        List<CIMObjectPath> paths = new ArrayList<>();
        for (ElementRef ref : engineJob.affectedElements()) {
            if (ref.kind() == EntityKind.VOLUME) {
                CimReference<?> volume = directory.volumePath(ref.id());
                if (volume != null) {
                    paths.add(volume.path());
                }
            } else if (ref.kind() == EntityKind.SYNCHRONIZATION) {
                Synchronization pair = engine().replication().synchronization(ref.id()).orElse(null);
                // An UnSyncUnAssoc relationship disappears when the copy ends: do not point at it.
                if (pair != null && pair.pairKind() != PairKind.TRANSIENT_CLONE) {
                    CimReference<?> target = directory.volumePath(pair.targetId());
                    if (target != null && paths.stream().noneMatch(p -> p.equals(target.path()))) {
                        paths.add(target.path());
                    }
                    paths.add(instances.pairPath(pair).path());
                }
            }
        }
        return paths;
    }

    /** Applies a changed engine job (called on the relay thread). */
    void onJobChanged(Job engineJob) {
        Tracked tracked = byEngineId.get(engineJob.id());
        if (tracked != null) {
            apply(tracked, engineJob);
        }
    }

    private void sync(String engineJobId) {
        Tracked tracked = byEngineId.get(engineJobId);
        if (tracked != null) {
            engine().jobs().job(engineJobId).ifPresent(j -> apply(tracked, j));
        }
    }

    private void apply(Tracked tracked, Job engineJob) {
        CimJob job = tracked.job;
        if (!tracked.running) {
            tracked.running = true;
            job.running();
        }
        // Events and the catch-up sync can arrive out of order; progress only moves forward.
        if (engineJob.percentComplete() > tracked.percent && engineJob.percentComplete() < 100) {
            tracked.percent = engineJob.percentComplete();
            job.progress(tracked.percent);
        }
        switch (engineJob.state()) {
            case COMPLETED -> job.complete();
            case EXCEPTION -> job.fail(nonZero(engineJob.errorCode()), engineJob.errorDescription());
            case TERMINATED -> job.terminated(nonZero(engineJob.errorCode()), engineJob.errorDescription());
            case KILLED -> job.killed(nonZero(engineJob.errorCode()), engineJob.errorDescription());
            default -> {
                return;
            }
        }
        byEngineId.remove(engineJob.id());
    }

    private static int nonZero(int errorCode) {
        // Clients read ErrorCode 0 as success, so a job that did not complete never reports 0.
        return errorCode == 0 ? 0x8000 : errorCode;
    }

    /** Carries out RequestStateChange Terminate / Kill on the engine job behind a CIM job. */
    private final class EngineJobControl implements JobControl {
        private final String engineJobId;

        EngineJobControl(String engineJobId) {
            this.engineJobId = engineJobId;
        }

        @Override
        public boolean terminate(CimJob job) {
            return engine().jobs().requestStateChange(engineJobId,
                    org.cimforge.array.model.JobRequest.TERMINATE).succeeded();
        }

        @Override
        public boolean kill(CimJob job) {
            return engine().jobs().requestStateChange(engineJobId,
                    org.cimforge.array.model.JobRequest.KILL).succeeded();
        }
    }
}
