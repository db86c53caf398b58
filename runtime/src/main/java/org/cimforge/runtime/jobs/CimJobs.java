package org.cimforge.runtime.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cimforge.runtime.CimDateTime;
import org.cimforge.runtime.indication.LifecycleIndications;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimProviderHost;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.cimforge.runtime.spi.IndicationPublisher;
import org.metricshub.wbem.javax.cim.CIMDateTime;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * A server's job framework: serves CIM_ConcreteJob (and the vendor subclasses providers choose) with
 * CIM_OwningJobElement and CIM_AffectedJobElement, GetError/GetErrors and RequestStateChange, removes finished jobs
 * after their TimeBeforeRemoval, and raises life-cycle indications through the server's publisher. The job classes
 * must be in the namespace's schema.
 */
public final class CimJobs implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CimJobs.class.getName());
    private static final String WRITABLE_DELETE = "deleteoncompletion";
    private static final String WRITABLE_RETENTION = "timebeforeremoval";
    /**
     * Properties the job itself keeps changing: in a ModifyInstance without PropertyList a client's copy of them may
     * be stale, so they are not compared (all others must be unchanged).
     */
    private static final Set<String> SELF_UPDATED = Set.of("jobstate", "operationalstatus", "jobstatus",
            "percentcomplete", "starttime", "elapsedtime", "timeoflaststatechange", "errorcode", "errordescription");

    private final CimClassRepository repository;
    private final CimProviderRegistry registry;
    private final JobSettings settings;
    private final Supplier<IndicationPublisher> publisher;
    private final Map<String, JobRecord> jobs = new ConcurrentHashMap<>();
    private final Map<String, JobNamespace> namespaces = new ConcurrentHashMap<>();
    private final AtomicLong lastLocalId = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final ScheduledExecutorService sweeper;

    private CimJobs(CimClassRepository repository, CimProviderRegistry registry, JobSettings settings,
                    Supplier<IndicationPublisher> publisher) {
        this.repository = repository;
        this.registry = registry;
        this.settings = checked(settings);
        this.publisher = publisher;
        Duration interval = settings.sweepInterval();
        if (interval.isZero()) {
            sweeper = null;
        } else {
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "cim-job-sweep");
                t.setDaemon(true);
                return t;
            });
            long millis = Math.max(1, interval.toMillis());
            sweeper.scheduleWithFixedDelay(this::backgroundSweep, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    private static JobSettings checked(JobSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(settings.clock(), "settings.clock");
        String prefix = settings.instanceIdPrefix();
        if (prefix == null || prefix.isBlank() || prefix.contains(":")) {
            throw new IllegalArgumentException("instanceIdPrefix must be a non-empty OrgID without ':', not '"
                    + prefix + "'");
        }
        if (settings.defaultTimeBeforeRemoval() == null || settings.defaultTimeBeforeRemoval().isNegative()) {
            throw new IllegalArgumentException("defaultTimeBeforeRemoval must be zero or positive");
        }
        if (settings.sweepInterval() == null || settings.sweepInterval().isNegative()) {
            throw new IllegalArgumentException("sweepInterval must be zero (no background sweep) or positive");
        }
        return settings;
    }

    /** Installs the framework on a running or not yet started server (a {@code CimServer}). */
    public static CimJobs install(CimProviderHost server, JobSettings settings) {
        Objects.requireNonNull(server, "server");
        // The server's publisher is read at every publication: it may be replaced by a delivering one later.
        return install(server, settings, server::indications);
    }

    /** Installs the framework with another source of publishers (tests record indications this way). */
    static CimJobs install(CimProviderHost server, JobSettings settings, Supplier<IndicationPublisher> publisher) {
        return new CimJobs(server.repository(), server.providers(), settings, Objects.requireNonNull(publisher));
    }

    private JobNamespace space(String requested) {
        String namespace = requested == null ? null : repository.canonicalNamespace(requested);
        if (namespace == null) {
            throw new IllegalArgumentException("namespace " + requested + " is not served by the server");
        }
        return namespaces.computeIfAbsent(namespace.toLowerCase(Locale.ROOT),
                k -> new JobNamespace(this, repository, registry, namespace));
    }

    /** Creates a job (JobState New), raises its creation indication and returns it. */
    public CimJob start(JobRequest request) {
        Objects.requireNonNull(request, "request");
        JobNamespace space = space(request.namespace);
        String namespace = space.name;
        if (request.jobClass == null) {
            throw new IllegalArgumentException("job class must not be null");
        }
        if (request.owningElement != null) {
            space.requireOwningAssociation();
        }
        if (!request.affected.isEmpty()) {
            space.requireAffectedAssociation();
        }
        for (JobRequest.Affected a : request.affected) {
            Objects.requireNonNull(a.element(), "affected element");
        }
        Duration retention = request.timeBeforeRemoval != null ? request.timeBeforeRemoval
                : settings.defaultTimeBeforeRemoval();
        if (retention.isNegative()) {
            throw new IllegalArgumentException("TimeBeforeRemoval must not be negative: " + retention);
        }
        ClassShape shape = space.jobClass(request.jobClass);
        Instant submitted = request.timeSubmitted != null ? request.timeSubmitted : now();
        while (true) {
            String id = request.instanceId != null ? fixedId(request.instanceId) : nextId();
            JobRecord job = new JobRecord(this, space, shape, id, sequence.incrementAndGet(), request, retention,
                    submitted);
            synchronized (job) {
                if (jobs.putIfAbsent(id, job) == null) {
                    publish(namespace, LifecycleIndications.creation(job.creationClass, job.instance(now())));
                    return job;
                }
            }
            if (request.instanceId != null) {
                throw new IllegalArgumentException("a job with InstanceID " + id + " already exists");
            }
            // A fixed InstanceID took the allocated one in the meantime: allocate again.
        }
    }

    private String nextId() {
        while (true) {
            String id = settings.instanceIdPrefix() + ":" + lastLocalId.incrementAndGet();
            if (!jobs.containsKey(id)) {
                return id;
            }
        }
    }

    /** Accepts a provider's InstanceID and keeps allocated ones from ever coming back to it. */
    private String fixedId(String id) {
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a fixed InstanceID must not be empty");
        }
        String prefix = settings.instanceIdPrefix() + ":";
        if (id.startsWith(prefix)) {
            try {
                long n = Long.parseLong(id.substring(prefix.length()));
                lastLocalId.accumulateAndGet(n, Math::max);
            } catch (NumberFormatException e) {
                // Not one of ours in form; it cannot collide with an allocated id.
            }
        }
        return id;
    }

    /** The job with this InstanceID, while it exists. */
    public Optional<CimJob> find(String instanceId) {
        return Optional.ofNullable(jobs.get(instanceId));
    }

    /** Removes the finished jobs whose removal time has passed on the settings' clock; returns how many. */
    public int sweep() {
        Instant now = now();
        int removed = 0;
        for (JobRecord job : jobs.values()) {
            if (job.dueForRemoval(now) && remove(job)) {
                removed++;
            }
        }
        return removed;
    }

    private void backgroundSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // The scheduler would stop repeating after an exception; keep sweeping.
            LOG.log(Level.WARNING, "job sweep failed", e);
        }
    }

    /** Stops the background sweep. */
    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    /** Whether the background sweep is scheduled (for tests). */
    boolean sweeping() {
        return sweeper != null && !sweeper.isShutdown();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // package-private services for the records and providers

    JobSettings settings() {
        return settings;
    }

    Instant now() {
        return settings.clock().instant();
    }

    void publish(String namespace, CIMInstance indication) {
        try {
            publisher.get().publish(namespace, indication);
        } catch (RuntimeException e) {
            // Delivery trouble must not break the job that raised the indication.
            LOG.log(Level.WARNING, "publishing " + indication.getClassName() + " failed", e);
        }
    }

    /** Removes a job with its association rows and raises its deletion indication; false when already gone. */
    boolean remove(JobRecord job) {
        synchronized (job) {
            CIMInstance last = job.markRemoved();
            if (last == null) {
                return false;
            }
            jobs.remove(job.instanceId(), job);
            publish(job.namespace(), LifecycleIndications.deletion(job.deletionClass, last));
            return true;
        }
    }

    /** The live jobs of a namespace in the order they were started. */
    List<JobRecord> jobsIn(String namespace) {
        return jobs.values().stream()
                .filter(j -> j.namespace().equalsIgnoreCase(namespace))
                .sorted(Comparator.comparingLong(j -> j.sequence))
                .toList();
    }

    /** The job a path names (same namespace, class and InstanceID), or null. */
    JobRecord lookup(String namespace, CIMObjectPath path) {
        Object id = null;
        for (CIMProperty<?> key : path.getKeys()) {
            if (key.getName().equalsIgnoreCase("InstanceID")) {
                id = key.getValue();
            }
        }
        JobRecord job = id instanceof String s ? jobs.get(s) : null;
        if (job == null || !job.namespace().equalsIgnoreCase(namespace)
                || !job.className().equalsIgnoreCase(path.getObjectName()) || job.isRemoved()) {
            return null;
        }
        return job;
    }

    private JobRecord require(String namespace, CIMObjectPath path) throws WBEMException {
        JobRecord job = lookup(namespace, path);
        if (job == null) {
            throw new WBEMException(WBEMException.CIM_ERR_NOT_FOUND, "no job " + path);
        }
        return job;
    }

    /** Intrinsic DeleteInstance: only a finished job may be deleted. */
    void delete(String namespace, CIMObjectPath path) throws WBEMException {
        JobRecord job = require(namespace, path);
        if (!job.isFinished()) {
            throw new WBEMException(WBEMException.CIM_ERR_FAILED, "job " + job.instanceId() + " has not finished "
                    + "(JobState " + job.jobState() + "); stop it with RequestStateChange first");
        }
        if (!remove(job)) {
            throw new WBEMException(WBEMException.CIM_ERR_NOT_FOUND, "no job " + path);
        }
    }

    /**
     * Intrinsic ModifyInstance: DeleteOnCompletion and TimeBeforeRemoval may change; naming another property in
     * the PropertyList, or (without PropertyList) sending another value for a property the job does not update
     * itself, is CIM_ERR_NOT_SUPPORTED. Nothing is applied unless everything is acceptable.
     */
    void modify(String namespace, CIMInstance instance, String[] propertyList) throws WBEMException {
        JobRecord job = require(namespace, instance.getObjectPath());
        ClassShape shape = job.shape();
        CIMInstance current = job.toInstance();
        Boolean deleteOnCompletion = null;
        Duration retention = null;
        List<String> names = propertyList != null ? List.of(propertyList)
                : java.util.Arrays.stream(instance.getProperties()).map(CIMProperty::getName).toList();
        for (String name : names) {
            if (!shape.declares(name)) {
                throw new WBEMException(WBEMException.CIM_ERR_NO_SUCH_PROPERTY, "class " + shape.className
                        + " has no property " + name);
            }
            CIMProperty<?> given = instance.getProperty(name);
            Object value = given == null ? null : given.getValue();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals(WRITABLE_DELETE)) {
                if (!(value instanceof Boolean b)) {
                    throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER,
                            "DeleteOnCompletion must be TRUE or FALSE");
                }
                deleteOnCompletion = b;
            } else if (lower.equals(WRITABLE_RETENTION)) {
                retention = interval(value);
            } else if (propertyList != null) {
                throw notModifiable(shape.spelling(name));
            } else if (!SELF_UPDATED.contains(lower) && !sameValue(value, current.getPropertyValue(name))) {
                throw notModifiable(shape.spelling(name));
            }
        }
        job.modify(deleteOnCompletion, retention);
    }

    private static WBEMException notModifiable(String property) {
        return new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED, "job property " + property + " cannot be "
                + "modified; only DeleteOnCompletion and TimeBeforeRemoval can");
    }

    private static Duration interval(Object value) throws WBEMException {
        if (value instanceof CIMDateTimeInterval i) {
            try {
                return new CimDateTime.Interval(i.getDateTimeString()).toDuration();
            } catch (RuntimeException e) {
                throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER,
                        "TimeBeforeRemoval must be a complete interval without wildcards: " + i);
            }
        }
        throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER,
                "TimeBeforeRemoval must be a datetime interval (ddddddddhhmmss.mmmmmm:000), not "
                        + (value == null ? "NULL" : value));
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof CIMDateTime x && b instanceof CIMDateTime y) {
            return x.toString().equals(y.toString());
        }
        return Objects.deepEquals(a, b);
    }
}
