package org.cimforge.runtime.jobs;

import java.util.List;
import java.util.Locale;
import org.cimforge.runtime.spi.CimMethodProvider;
import org.cimforge.runtime.spi.CimMethodResult;
import org.cimforge.runtime.spi.CimOperationContext;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The extrinsic methods of a job: RequestStateChange (carried out through the provider's {@link JobControl}),
 * GetErrors, the deprecated GetError, and the deprecated CIM_Job.KillJob.
 */
final class JobMethodProvider implements CimMethodProvider {
    static final int RSC_OK = 0;
    static final int RSC_INVALID_PARAMETER = 5;
    static final int RSC_INVALID_TRANSITION = 4097;
    static final int RSC_TIMEOUT_NOT_SUPPORTED = 4098;
    static final int KILL_FAILED = 4;

    private static final String ZERO_INTERVAL = "00000000000000.000000:000";

    private final CimJobs owner;

    JobMethodProvider(CimJobs owner) {
        this.owner = owner;
    }

    @Override
    public CimMethodResult invokeMethod(CimOperationContext context, CIMObjectPath target, String methodName,
                                        List<CIMArgument<?>> in) throws WBEMException {
        JobRecord job = owner.lookup(context.namespace(), target);
        if (job == null) {
            throw new WBEMException(WBEMException.CIM_ERR_NOT_FOUND, "no job " + target);
        }
        return switch (methodName.toLowerCase(Locale.ROOT)) {
            case "requeststatechange" -> CimMethodResult.of(new UnsignedInteger32(
                    requestStateChange(job, argument(in, "RequestedState"), argument(in, "TimeoutPeriod"))));
            case "geterrors" -> {
                List<CIMInstance> errors = job.errors();
                // No errors is a NULL array, not an empty one: the SBLIM client rejects an empty VALUE.ARRAY of
                // embedded instances ("EmbeddedInstance with non INSTANCE value").
                yield new CimMethodResult(new UnsignedInteger32(0), List.of(new CIMArgument<>("Errors",
                        CIMDataType.OBJECT_ARRAY_T, errors.isEmpty() ? null : errors.toArray(new CIMInstance[0]))));
            }
            case "geterror" -> {
                List<CIMInstance> errors = job.errors();
                yield new CimMethodResult(new UnsignedInteger32(0), List.of(new CIMArgument<>("Error",
                        CIMDataType.OBJECT_T, errors.isEmpty() ? null : errors.get(0))));
            }
            case "killjob" -> CimMethodResult.of(new UnsignedInteger32(killJob(job, argument(in, "DeleteOnKill"))));
            default -> throw new WBEMException(WBEMException.CIM_ERR_METHOD_NOT_AVAILABLE, "the job framework does not "
                    + "implement " + job.className() + "." + methodName);
        };
    }

    private static Object argument(List<CIMArgument<?>> in, String name) {
        for (CIMArgument<?> a : in) {
            if (a.getName().equalsIgnoreCase(name)) {
                return a.getValue();
            }
        }
        return null;
    }

    /** RequestStateChange as the jobs digest §1.5 describes it; answers the method's return code. */
    int requestStateChange(JobRecord job, Object requestedState, Object timeoutPeriod) {
        if (!(requestedState instanceof Number n) || n.intValue() < 2 || n.intValue() > 6) {
            return RSC_INVALID_PARAMETER;
        }
        if (timeoutPeriod != null && !isZero(timeoutPeriod)) {
            return RSC_TIMEOUT_NOT_SUPPORTED;
        }
        if (job.isFinished()) {
            return RSC_INVALID_TRANSITION;
        }
        JobControl control = job.control;
        boolean done = switch (n.intValue()) {
            case 2 -> job.isSuspended() && control.resume(job) && job.resumedOnRequest();
            case 3 -> job.canSuspend() && control.suspend(job) && job.suspendedOnRequest();
            case 4 -> control.terminate(job) && job.stoppedOnRequest(JobStates.TERMINATED);
            case 5 -> control.kill(job) && job.stoppedOnRequest(JobStates.KILLED);
            // 6 Service: JobControl offers no vendor service state.
            default -> false;
        };
        return done ? RSC_OK : RSC_INVALID_TRANSITION;
    }

    /** Only a zero interval counts as "no timeout"; any absolute time is a timeout the framework cannot honour. */
    private static boolean isZero(Object timeout) {
        return timeout instanceof CIMDateTimeInterval i && i.getDateTimeString().equals(ZERO_INTERVAL);
    }

    /** The deprecated KillJob: 0 when the provider killed the job, 4 Failed otherwise. */
    private int killJob(JobRecord job, Object deleteOnKill) {
        if (job.isFinished() || !job.control.kill(job) || !job.stoppedOnRequest(JobStates.KILLED)) {
            return KILL_FAILED;
        }
        if (Boolean.TRUE.equals(deleteOnKill)) {
            owner.remove(job);
        }
        return 0;
    }
}
