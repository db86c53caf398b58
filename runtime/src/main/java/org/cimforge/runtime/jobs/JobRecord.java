package org.cimforge.runtime.jobs;

import static org.cimforge.runtime.jobs.JobStates.COMPLETED;
import static org.cimforge.runtime.jobs.JobStates.EXCEPTION;
import static org.cimforge.runtime.jobs.JobStates.KILLED;
import static org.cimforge.runtime.jobs.JobStates.NEW;
import static org.cimforge.runtime.jobs.JobStates.RUNNING;
import static org.cimforge.runtime.jobs.JobStates.STARTING;
import static org.cimforge.runtime.jobs.JobStates.SUSPENDED;
import static org.cimforge.runtime.jobs.JobStates.TERMINATED;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cimforge.runtime.indication.LifecycleIndications;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * The framework's implementation of {@link CimJob}. All state is guarded by the record's monitor; every visible
 * change builds the instance before and after under that monitor and publishes the modification indication there
 * too, so the indications of one job leave in the order of its changes. Provider callbacks ({@link JobControl}) are
 * never called while the monitor is held.
 */
final class JobRecord implements CimJob {
    /** A change of the record's fields; answers whether the job's instance changed. */
    @FunctionalInterface
    private interface Mutation {
        boolean apply(Instant now);
    }

    private final CimJobs owner;
    private final JobNamespace space;
    private final ClassShape shape;
    private final String instanceId;
    private final CIMObjectPath path;
    final long sequence;
    private final String name;
    private final String description;
    final CIMObjectPath owningElement;
    final JobControl control;
    private final String modificationClass;
    final String creationClass;
    final String deletionClass;
    private final Instant submitted;

    // Guarded by this.
    private final List<JobRequest.Affected> affected = new ArrayList<>();
    private int state = NEW;
    private int stateBeforeSuspend = NEW;
    private int percent;
    private Instant started;
    private Instant finished;
    private Instant lastStateChange;
    private Instant removalTimerStart;
    private boolean deleteOnCompletion;
    private Duration timeBeforeRemoval;
    private int errorCode;
    private String errorDescription;
    private boolean removed;

    JobRecord(CimJobs owner, JobNamespace space, ClassShape shape, String instanceId, long sequence,
              JobRequest request, Duration timeBeforeRemoval, Instant submitted) {
        this.owner = owner;
        this.space = space;
        this.shape = shape;
        this.instanceId = instanceId;
        this.sequence = sequence;
        this.name = request.name;
        this.description = request.description;
        this.owningElement = request.owningElement;
        this.control = request.control == null ? JobControl.NONE : request.control;
        this.creationClass = request.creationIndicationClass;
        this.modificationClass = request.modificationIndicationClass;
        this.deletionClass = request.deletionIndicationClass;
        this.submitted = submitted;
        this.lastStateChange = submitted;
        this.deleteOnCompletion = request.deleteOnCompletion;
        this.timeBeforeRemoval = timeBeforeRemoval;
        this.affected.addAll(request.affected);
        this.path = shape.values().put("InstanceID", instanceId).build().getObjectPath();
    }

    String namespace() {
        return shape.namespace;
    }

    String className() {
        return shape.className;
    }

    ClassShape shape() {
        return shape;
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public CIMObjectPath path() {
        return path;
    }

    @Override
    public synchronized int jobState() {
        return state;
    }

    @Override
    public synchronized boolean isFinished() {
        return JobStates.isFinished(state);
    }

    synchronized boolean isRemoved() {
        return removed;
    }

    @Override
    public synchronized CIMInstance toInstance() {
        return instance(owner.now());
    }

    @Override
    public void running() {
        change(now -> {
            if (state != NEW && state != STARTING && state != SUSPENDED) {
                return false;
            }
            setState(RUNNING, now);
            return true;
        });
    }

    @Override
    public void progress(int value) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("PercentComplete must be 0..100, not " + value + " (job "
                    + instanceId + ")");
        }
        change(now -> {
            if (JobStates.isFinished(state) || value == percent) {
                return false;
            }
            percent = value;
            return true;
        });
    }

    @Override
    public void addAffectedElement(CIMObjectPath element, int... effects) {
        Objects.requireNonNull(element, "element");
        space.requireAffectedAssociation();
        int[] copy = effects == null ? new int[0] : effects.clone();
        synchronized (this) {
            if (!JobStates.isFinished(state) && !removed) {
                affected.add(new JobRequest.Affected(element, copy));
            }
        }
    }

    @Override
    public void complete() {
        finish(COMPLETED, 0, null);
    }

    @Override
    public void fail(int code, String text) {
        finish(EXCEPTION, checkedCode(code), text);
    }

    @Override
    public void terminated(int code, String text) {
        finish(TERMINATED, checkedCode(code), text);
    }

    @Override
    public void killed(int code, String text) {
        finish(KILLED, checkedCode(code), text);
    }

    private int checkedCode(int code) {
        // A failed job with ErrorCode 0 reads as a success to clients that look only at ErrorCode (cinder does).
        if (code < 1 || code > 0xFFFF) {
            throw new IllegalArgumentException("ErrorCode of an unsuccessful job must be 1..65535, not " + code
                    + " (job " + instanceId + ")");
        }
        return code;
    }

    private boolean finish(int finalState, int code, String text) {
        return change(now -> {
            if (JobStates.isFinished(state)) {
                return false;
            }
            if (started == null) {
                started = now;
            }
            setState(finalState, now);
            finished = now;
            removalTimerStart = now;
            errorCode = code;
            errorDescription = text;
            if (finalState == COMPLETED) {
                percent = 100;
            }
            return true;
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // transitions asked for by clients (RequestStateChange), recorded after the provider's JobControl agreed

    synchronized boolean canSuspend() {
        return state == NEW || state == STARTING || state == RUNNING;
    }

    synchronized boolean isSuspended() {
        return state == SUSPENDED;
    }

    /** Records a suspension; true when the job is now suspended. */
    boolean suspendedOnRequest() {
        change(now -> {
            if (state != NEW && state != STARTING && state != RUNNING) {
                return false;
            }
            stateBeforeSuspend = state;
            setState(SUSPENDED, now);
            return true;
        });
        return jobState() == SUSPENDED;
    }

    /** Records a resumption to the state the job was suspended from; true when the job is no longer suspended. */
    boolean resumedOnRequest() {
        change(now -> {
            if (state != SUSPENDED) {
                return false;
            }
            setState(stateBeforeSuspend, now);
            return true;
        });
        synchronized (this) {
            return state != SUSPENDED && !JobStates.isFinished(state);
        }
    }

    /**
     * Records a stop (Terminated or Killed) unless the provider already ended the job; true when the job ended in
     * the requested state.
     */
    boolean stoppedOnRequest(int finalState) {
        String text = finalState == KILLED ? "Killed on request" : "Terminated on request";
        finish(finalState, finalState, text);
        return jobState() == finalState;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // intrinsic operations and removal

    /** Applies an accepted ModifyInstance; after completion it restarts the removal timer. */
    void modify(Boolean newDeleteOnCompletion, Duration newTimeBeforeRemoval) {
        change(now -> {
            boolean changed = false;
            if (newDeleteOnCompletion != null && newDeleteOnCompletion != deleteOnCompletion) {
                deleteOnCompletion = newDeleteOnCompletion;
                changed = true;
            }
            if (newTimeBeforeRemoval != null && !newTimeBeforeRemoval.equals(timeBeforeRemoval)) {
                timeBeforeRemoval = newTimeBeforeRemoval;
                changed = true;
            }
            if (JobStates.isFinished(state)) {
                removalTimerStart = now;
            }
            return changed;
        });
    }

    synchronized boolean dueForRemoval(Instant now) {
        return !removed && deleteOnCompletion && removalTimerStart != null
                && !now.isBefore(removalTimerStart.plus(timeBeforeRemoval));
    }

    /** Marks the record removed and returns its last state, or null when it was removed already. */
    synchronized CIMInstance markRemoved() {
        if (removed) {
            return null;
        }
        removed = true;
        return instance(owner.now());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // associations and errors

    /** The CIM_OwningJobElement row, or null when the job has no owner. */
    synchronized CIMInstance owningRow(ClassShape association) {
        if (owningElement == null) {
            return null;
        }
        return association.values().put("OwningElement", owningElement).put("OwnedElement", path).build();
    }

    /** The CIM_AffectedJobElement rows, in the order the elements were added. */
    synchronized List<CIMInstance> affectedRows(ClassShape association) {
        List<CIMInstance> rows = new ArrayList<>();
        for (JobRequest.Affected a : affected) {
            rows.add(association.values().put("AffectedElement", a.element()).put("AffectingElement", path)
                    .put("ElementEffects", a.effects().length == 0 ? null : a.effects()).build());
        }
        return rows;
    }

    /** The CIM_Error instances GetErrors returns: one for a job that ended with an error, none otherwise. */
    synchronized List<CIMInstance> errors() {
        if (errorCode == 0) {
            return List.of();
        }
        return List.of(space.error(this, state, errorCode, errorDescription));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void setState(int newState, Instant now) {
        if (newState == RUNNING && started == null) {
            started = now;
        }
        state = newState;
        lastStateChange = now;
    }

    /** Applies a mutation and publishes the modification indication when the instance changed. */
    private synchronized boolean change(Mutation mutation) {
        if (removed) {
            return false;
        }
        Instant now = owner.now();
        CIMInstance before = instance(now);
        if (!mutation.apply(now)) {
            return false;
        }
        owner.publish(namespace(), LifecycleIndications.modification(modificationClass, before, instance(now)));
        return true;
    }

    /** The instance as of {@code now}; only properties the job's class declares are present. */
    synchronized CIMInstance instance(Instant now) {
        Instant end = finished != null ? finished : now;
        return shape.values()
                .put("InstanceID", instanceId)
                .put("Name", name)
                .put("ElementName", name)
                .put("Description", description)
                .put("JobState", state)
                .put("OperationalStatus", JobStates.operationalStatus(state))
                .put("JobStatus", JobStates.statusText(state))
                .put("PercentComplete", percent)
                .put("TimeSubmitted", submitted)
                .put("StartTime", started)
                .put("ElapsedTime", started == null ? null : Duration.between(started, end))
                .put("TimeOfLastStateChange", lastStateChange)
                .put("TimeBeforeRemoval", timeBeforeRemoval)
                .put("DeleteOnCompletion", deleteOnCompletion)
                .put("ErrorCode", errorCode)
                .put("ErrorDescription", errorDescription)
                .build();
    }
}
