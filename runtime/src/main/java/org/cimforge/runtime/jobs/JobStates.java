package org.cimforge.runtime.jobs;

/**
 * The JobState values of CIM_ConcreteJob and what each one shows in OperationalStatus and JobStatus (the
 * combinations of the jobs digest, §1.4).
 */
final class JobStates {
    static final int NEW = 2;
    static final int STARTING = 3;
    static final int RUNNING = 4;
    static final int SUSPENDED = 5;
    static final int COMPLETED = 7;
    static final int TERMINATED = 8;
    static final int KILLED = 9;
    static final int EXCEPTION = 10;

    static final int OK = 2;
    static final int ERROR = 6;
    static final int STOPPED = 10;
    static final int DORMANT = 15;
    static final int DONE = 17;

    private JobStates() {
    }

    static boolean isFinished(int state) {
        return state == COMPLETED || state == TERMINATED || state == KILLED || state == EXCEPTION;
    }

    /** OperationalStatus for a JobState. */
    static int[] operationalStatus(int state) {
        return switch (state) {
            case NEW -> new int[] {DORMANT};
            case COMPLETED -> new int[] {OK, DONE};
            case EXCEPTION -> new int[] {ERROR, DONE};
            case TERMINATED, KILLED -> new int[] {STOPPED};
            default -> new int[] {OK};
        };
    }

    /** The short JobStatus text for a JobState. */
    static String statusText(int state) {
        return switch (state) {
            case NEW -> "Queued";
            case STARTING -> "Starting";
            case RUNNING -> "Running";
            case SUSPENDED -> "Suspended";
            case COMPLETED -> "Completed";
            case TERMINATED -> "Terminated";
            case KILLED -> "Killed";
            case EXCEPTION -> "Failed";
            default -> "State " + state;
        };
    }
}
