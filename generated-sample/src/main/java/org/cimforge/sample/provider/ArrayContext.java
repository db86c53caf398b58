package org.cimforge.sample.provider;

import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.util.List;
import org.cimforge.array.ArrayEngine;
import org.cimforge.array.Outcome;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.runtime.CimClassInfo;
import org.cimforge.runtime.CimReference;
import org.cimforge.sample.bindings.cim.ConcreteJob;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * What every provider of the sample shares: the engine, the key formats, the directory from paths to engine objects,
 * the instance builders and the job bridge; plus the few steps every method takes (find the service's system, turn an
 * engine outcome into a return code and a job).
 */
public final class ArrayContext {
    /** DSP0200 CIM_ERR_NOT_FOUND. */
    static final int CIM_ERR_NOT_FOUND = 6;

    private static final System.Logger LOG = System.getLogger(ArrayContext.class.getName());

    private final ArrayDirectory directory;
    private final ArrayInstances instances;
    private final JobBridge jobs;

    /** A context over the given parts. */
    public ArrayContext(ArrayInstances instances, JobBridge jobs) {
        this.directory = instances.directory();
        this.instances = instances;
        this.jobs = jobs;
    }

    /** The engine. */
    public ArrayEngine engine() {
        return directory.engine();
    }

    /**
     * True when the array lives in memory (no {@code --data-dir}). Then a read, and the catch-up commit it may run
     * first, touches no disk.
     */
    public boolean inMemory() {
        return engine().config().dataDirectory() == null;
    }

    /**
     * Whether a GetInstance asked now would be answered without waiting, so the server may run it on its I/O thread
     * ({@code nonBlocking()}): the array is in memory and nobody holds the engine. A GetInstance that found the engine
     * busy (a create, a copy's progress, another read) goes to a worker thread, where waiting holds up no other
     * client; with a data directory every one does, since a commit writes SQLite.
     */
    public boolean answersWithoutWaiting() {
        return inMemory() && !engine().busy();
    }

    /** The key formats. */
    public ArrayNames names() {
        return directory.names();
    }

    /** The directory from paths to engine objects. */
    public ArrayDirectory directory() {
        return directory;
    }

    /** The instance builders. */
    public ArrayInstances instances() {
        return instances;
    }

    /**
     * The system whose service {@code target} names; CIM_ERR_NOT_FOUND when no system has a service of that class
     * under that name.
     */
    StorageSystem serviceSystem(CimReference<?> target, CimClassInfo serviceClass) throws WBEMException {
        StorageSystem system = directory.systemOfService(target);
        if (system == null || !serviceClass.name().equalsIgnoreCase(target.className())) {
            throw new WBEMException(CIM_ERR_NOT_FOUND, "no " + serviceClass.name() + " " + target.path());
        }
        return system;
    }

    /** The job to return for an outcome that started one (null otherwise). */
    CimReference<ConcreteJob> job(Outcome<?> outcome, String method, StorageSystem system, CimReference<?> owner,
                                  List<String> created) {
        return outcome.job().map(j -> jobs.start(j, method, system, owner, created)).orElse(null);
    }

    /** The method's return code for an outcome, logging why a refused call was refused. */
    static long code(String method, Outcome<?> outcome) {
        if (outcome instanceof Outcome.Refused<?> refused) {
            refusal(method, refused.returnCode(), refused.reason());
        }
        return outcome.returnCode();
    }

    /** Logs a refusal the provider itself decided (the method results have no room for a message). */
    static long refusal(String method, int code, String reason) {
        LOG.log(Level.INFO, "{0} refused with {1}: {2}", method, String.valueOf(code), reason);
        return code;
    }

    /** A uint64 argument as bytes; null stays null, a value beyond a long is refused by the caller's check. */
    static Long bytes(BigInteger value) {
        if (value == null) {
            return null;
        }
        return value.bitLength() < 63 ? value.longValue() : Long.MAX_VALUE;
    }
}
