package org.cimforge.runtime.jobs;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * What the framework knows and has registered in one namespace: the shapes of the job classes in use, of the two job
 * associations and of CIM_Error (each null when the schema lacks it), and the providers it put into the registry.
 */
final class JobNamespace {
    static final String CONCRETE_JOB = "CIM_ConcreteJob";
    static final String OWNING = "CIM_OwningJobElement";
    static final String AFFECTED = "CIM_AffectedJobElement";
    static final String ERROR = "CIM_Error";

    final String name;
    final ClassShape owning;
    final ClassShape affected;
    private final ClassShape error;
    private final CimJobs owner;
    private final CimClassRepository repository;
    private final CimProviderRegistry registry;
    private final JobInstanceProvider instances;
    private final JobMethodProvider methods;
    private final Map<String, ClassShape> jobClasses = new ConcurrentHashMap<>();
    private boolean associationsRegistered;

    JobNamespace(CimJobs owner, CimClassRepository repository, CimProviderRegistry registry, String name) {
        this.owner = owner;
        this.repository = repository;
        this.registry = registry;
        this.name = name;
        this.owning = shapeOf(OWNING);
        this.affected = shapeOf(AFFECTED);
        this.error = shapeOf(ERROR) != null ? shapeOf(ERROR) : builtInError(name);
        this.instances = new JobInstanceProvider(owner);
        this.methods = new JobMethodProvider(owner);
    }

    private ClassShape shapeOf(String className) {
        CIMClass c = repository.cimClass(name, className);
        return c == null ? null : new ClassShape(name, c);
    }

    /**
     * The shape of a job class, registering the providers for it (and, the first time, for the job associations)
     * with the server. Fails when the schema lacks the class or it is not a CIM_ConcreteJob.
     */
    synchronized ClassShape jobClass(String className) {
        ClassShape known = jobClasses.get(className.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        CIMClass c = repository.cimClass(name, className);
        if (c == null) {
            throw new IllegalArgumentException("job class " + className + " is not defined in namespace " + name
                    + "; add it (and CIM_ConcreteJob) to the namespace's schema");
        }
        if (!repository.isA(name, className, CONCRETE_JOB)) {
            throw new IllegalArgumentException("job class " + className + " in namespace " + name
                    + " is not CIM_ConcreteJob or a subclass of it");
        }
        ClassShape shape = new ClassShape(name, c);
        CIMClassProperty<?> key = c.getProperty("InstanceID");
        if (key == null || !key.isKey()) {
            throw new IllegalArgumentException("job class " + className + " in namespace " + name
                    + " lacks the key property InstanceID");
        }
        claim(shape.className, instances, registry.instanceProvider(name, shape.className));
        claim(shape.className, methods, registry.methodProvider(name, shape.className));
        registry.instances(name, shape.className, instances);
        registry.methods(name, shape.className, methods);
        registerAssociations();
        jobClasses.put(className.toLowerCase(Locale.ROOT), shape);
        return shape;
    }

    private void registerAssociations() {
        if (associationsRegistered) {
            return;
        }
        for (ClassShape a : new ClassShape[] {owning, affected}) {
            if (a == null) {
                continue;
            }
            CimInstanceProvider existing = registry.instanceProvider(name, a.className);
            if (!(existing instanceof JobAssociationProvider mine && mine.owner() == owner)) {
                claim(a.className, null, existing);
                registry.instances(name, a.className, new JobAssociationProvider(owner, this, a == owning));
            }
        }
        associationsRegistered = true;
    }

    /** Refuses to take over a class another provider already serves: its instances would silently vanish. */
    private void claim(String className, Object mine, Object existing) {
        if (existing != null && existing != mine) {
            throw new IllegalStateException("class " + className + " in namespace " + name + " is already served by "
                    + existing.getClass().getName() + "; the job framework serves job classes and the job "
                    + "associations itself");
        }
    }

    void requireOwningAssociation() {
        if (owning == null) {
            throw new IllegalArgumentException("namespace " + name + " has no class " + OWNING
                    + ", so a job cannot name its owning element");
        }
    }

    void requireAffectedAssociation() {
        if (affected == null) {
            throw new IllegalArgumentException("namespace " + name + " has no class " + AFFECTED
                    + ", so a job cannot name affected elements");
        }
    }

    /**
     * The CIM_Error describing how a job ended: the ErrorCode becomes the MessageID, the ErrorDescription the
     * Message, and the job's path the ErrorSource.
     */
    CIMInstance error(JobRecord job, int state, int errorCode, String errorDescription) {
        String message = errorDescription != null ? errorDescription
                : "job " + job.instanceId() + " ended with ErrorCode " + errorCode;
        CIMObjectPath source = job.path();
        // A failure is serious; a stop a client asked for is information.
        int severity = state == JobStates.EXCEPTION ? 5 : 2;
        return error.values()
                .put("ErrorType", 0)
                .put("OwningEntity", owner.settings().instanceIdPrefix())
                .put("MessageID", "JOB" + errorCode)
                .put("Message", message)
                .put("MessageArguments", new String[] {job.instanceId(), Integer.toString(errorCode)})
                .put("PerceivedSeverity", severity)
                .put("ErrorSource", source.getNamespace() + ":" + source.getObjectName() + ".InstanceID=\""
                        + job.instanceId().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .put("ErrorSourceFormat", 2)
                .put("CIMStatusCode", 1)
                .put("CIMStatusCodeDescription", "CIM_ERR_FAILED")
                .build();
    }

    /** The CIM_Error properties the framework fills, for a namespace whose schema lacks the class. */
    private static ClassShape builtInError(String namespace) {
        List<CIMClassProperty<?>> props = List.of(
                property("ErrorType", CIMDataType.UINT16_T),
                property("OwningEntity", CIMDataType.STRING_T),
                property("MessageID", CIMDataType.STRING_T),
                property("Message", CIMDataType.STRING_T),
                property("MessageArguments", CIMDataType.STRING_ARRAY_T),
                property("PerceivedSeverity", CIMDataType.UINT16_T),
                property("ErrorSource", CIMDataType.STRING_T),
                property("ErrorSourceFormat", CIMDataType.UINT16_T),
                property("CIMStatusCode", CIMDataType.UINT32_T),
                property("CIMStatusCodeDescription", CIMDataType.STRING_T));
        CIMClass c = new CIMClass(new CIMObjectPath(null, null, null, namespace, ERROR, null), null, null,
                props.toArray(new CIMClassProperty<?>[0]), null, false, false);
        return new ClassShape(namespace, c);
    }

    private static CIMClassProperty<?> property(String name, CIMDataType type) {
        return new CIMClassProperty<>(name, type, null, null, false, false, ERROR);
    }
}
