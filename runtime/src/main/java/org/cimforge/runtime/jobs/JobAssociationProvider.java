package org.cimforge.runtime.jobs;

import java.util.ArrayList;
import java.util.List;
import org.cimforge.runtime.spi.CimAssociationProvider;
import org.cimforge.runtime.spi.CimOperationContext;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * Serves CIM_OwningJobElement or CIM_AffectedJobElement in one namespace from the live jobs, so the rows of a job
 * appear with it and disappear when it is removed. A reference look-up from a job reads only that job's rows.
 */
final class JobAssociationProvider implements CimAssociationProvider {
    private final CimJobs owner;
    private final JobNamespace space;
    private final boolean owning;

    JobAssociationProvider(CimJobs owner, JobNamespace space, boolean owning) {
        this.owner = owner;
        this.space = space;
        this.owning = owning;
    }

    CimJobs owner() {
        return owner;
    }

    private ClassShape shape() {
        return owning ? space.owning : space.affected;
    }

    @Override
    public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) {
        if (!shape().className.equalsIgnoreCase(className)) {
            return List.of();
        }
        List<CIMInstance> rows = new ArrayList<>();
        for (JobRecord job : owner.jobsIn(space.name)) {
            rows(job, rows);
        }
        return rows;
    }

    @Override
    public List<CIMInstance> references(CimOperationContext context, String associationClass, CIMObjectPath object,
                                        String role) {
        if (!shape().className.equalsIgnoreCase(associationClass)) {
            return List.of();
        }
        JobRecord job = owner.lookup(space.name, object);
        List<CIMInstance> rows = new ArrayList<>();
        if (job != null) {
            rows(job, rows);
        } else {
            for (JobRecord j : owner.jobsIn(space.name)) {
                rows(j, rows);
            }
        }
        rows.removeIf(row -> !CimAssociationProvider.refersTo(row, object, role));
        return rows;
    }

    private void rows(JobRecord job, List<CIMInstance> into) {
        if (owning) {
            CIMInstance row = job.owningRow(shape());
            if (row != null) {
                into.add(row);
            }
        } else {
            into.addAll(job.affectedRows(shape()));
        }
    }
}
