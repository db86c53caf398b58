package org.cimforge.runtime.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * What a provider says when it starts a job: where the job lives, its class, name and owner, the elements it affects,
 * and how clients may control it. Build with {@link #builder(String, String)}.
 */
public final class JobRequest {
    /** An element the job affects, with its CIM_AffectedJobElement.ElementEffects values (e.g. 5 Create). */
    public record Affected(CIMObjectPath element, int[] effects) {
    }

    final String namespace;
    final String jobClass;
    final String name;
    final String description;
    final CIMObjectPath owningElement;
    final List<Affected> affected;
    final JobControl control;
    final boolean deleteOnCompletion;
    final Duration timeBeforeRemoval;
    final String instanceId;
    final Instant timeSubmitted;
    final String creationIndicationClass;
    final String modificationIndicationClass;
    final String deletionIndicationClass;

    private JobRequest(Builder b) {
        namespace = b.namespace;
        jobClass = b.jobClass;
        name = b.name;
        description = b.description;
        owningElement = b.owningElement;
        affected = List.copyOf(b.affected);
        control = b.control;
        deleteOnCompletion = b.deleteOnCompletion;
        timeBeforeRemoval = b.timeBeforeRemoval;
        instanceId = b.instanceId;
        timeSubmitted = b.timeSubmitted;
        creationIndicationClass = b.creationIndicationClass;
        modificationIndicationClass = b.modificationIndicationClass;
        deletionIndicationClass = b.deletionIndicationClass;
    }

    /** Starts a request for a job in {@code namespace} named {@code name} (CIM_Job.Name, e.g. the method name). */
    public static Builder builder(String namespace, String name) {
        return new Builder(namespace, name);
    }

    /** Step-by-step construction of a {@link JobRequest}. */
    public static final class Builder {
        private final String namespace;
        private final String name;
        private String jobClass = "CIM_ConcreteJob";
        private String description;
        private CIMObjectPath owningElement;
        private final List<Affected> affected = new ArrayList<>();
        private JobControl control = JobControl.NONE;
        private boolean deleteOnCompletion = true;
        private Duration timeBeforeRemoval;
        private String instanceId;
        private Instant timeSubmitted;
        private String creationIndicationClass = "CIM_InstCreation";
        private String modificationIndicationClass = "CIM_InstModification";
        private String deletionIndicationClass = "CIM_InstDeletion";

        private Builder(String namespace, String name) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The job's class: CIM_ConcreteJob (the default) or a vendor subclass such as TPD_ConcreteJob. */
        public Builder jobClass(String value) {
            jobClass = value;
            return this;
        }

        /** CIM_ManagedElement.Description of the job. */
        public Builder description(String value) {
            description = value;
            return this;
        }

        /** The element that created the job (usually the service), tied by CIM_OwningJobElement. */
        public Builder owningElement(CIMObjectPath value) {
            owningElement = value;
            return this;
        }

        /** An element the job affects from the start, tied by CIM_AffectedJobElement. */
        public Builder affectedElement(CIMObjectPath element, int... effects) {
            affected.add(new Affected(element, effects.clone()));
            return this;
        }

        /** How RequestStateChange requests are carried out (default: all refused). */
        public Builder control(JobControl value) {
            control = value;
            return this;
        }

        /** CIM_Job.DeleteOnCompletion (default true). */
        public Builder deleteOnCompletion(boolean value) {
            deleteOnCompletion = value;
            return this;
        }

        /** CIM_Job.TimeBeforeRemoval; null takes the framework default. */
        public Builder timeBeforeRemoval(Duration value) {
            timeBeforeRemoval = value;
            return this;
        }

        /**
         * A fixed InstanceID, for a provider that re-creates after a restart the jobs its durable state remembers; by
         * default the framework allocates {@code <prefix>:<n>}, never reusing one.
         */
        public Builder instanceId(String value) {
            instanceId = value;
            return this;
        }

        /** TimeSubmitted, for a re-created job; by default now. */
        public Builder timeSubmitted(Instant value) {
            timeSubmitted = value;
            return this;
        }

        /**
         * The classes of the life-cycle indications raised for this job (defaults CIM_InstCreation,
         * CIM_InstModification, CIM_InstDeletion), e.g. TPD_ConcreteJobInstModification for modifications.
         */
        public Builder indicationClasses(String creation, String modification, String deletion) {
            creationIndicationClass = creation;
            modificationIndicationClass = modification;
            deletionIndicationClass = deletion;
            return this;
        }

        /** The request. */
        public JobRequest build() {
            return new JobRequest(this);
        }
    }
}
