package org.cimforge.runtime.jobs;

import java.util.List;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimOperationContext;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Serves the jobs of one class (the class it is asked about; the server fans out to subclasses) with the intrinsic
 * rules of job control: CreateInstance is refused, ModifyInstance takes only DeleteOnCompletion and TimeBeforeRemoval,
 * DeleteInstance only removes finished jobs.
 */
final class JobInstanceProvider implements CimInstanceProvider {
    private final CimJobs owner;

    JobInstanceProvider(CimJobs owner) {
        this.owner = owner;
    }

    @Override
    public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) {
        return owner.jobsIn(context.namespace()).stream()
                .filter(j -> j.className().equalsIgnoreCase(className))
                .map(JobRecord::toInstance)
                .toList();
    }

    @Override
    public boolean nonBlocking() {
        // A job is read from memory under its own short lock (state changes only queue their indications), and
        // clients poll jobs more than anything else, so GetInstance runs on the I/O thread.
        return true;
    }

    @Override
    public CIMInstance getInstance(CimOperationContext context, CIMObjectPath name) {
        JobRecord job = owner.lookup(context.namespace(), name);
        return job == null ? null : job.toInstance();
    }

    @Override
    public CIMObjectPath createInstance(CimOperationContext context, CIMInstance instance) throws WBEMException {
        throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED, "jobs (" + instance.getClassName()
                + ") are created by the methods that start them, not by CreateInstance");
    }

    @Override
    public void modifyInstance(CimOperationContext context, CIMInstance instance, String[] propertyList)
            throws WBEMException {
        owner.modify(context.namespace(), instance, propertyList);
    }

    @Override
    public void deleteInstance(CimOperationContext context, CIMObjectPath name) throws WBEMException {
        owner.delete(context.namespace(), name);
    }
}
