package org.cimforge.array.internal;

/** Vendor-specific job ErrorCode values (0x8000 and up, as the CIM ranges require). */
public final class JobErrors {

  /** Another operation (Abort, Stop Copy, Suspend, forced Detach) stopped the job's work. */
  public static final int INTERRUPTED = 0x8001;
  /** The engine stopped (crash, kill, shutdown) while the job was running. */
  public static final int ENGINE_RESTART = 0x8002;
  /** A client asked for the job to be terminated or killed. */
  public static final int TERMINATED_BY_REQUEST = 0x8003;
  /** The pair or volume the job worked on disappeared. */
  public static final int SUBJECT_GONE = 0x8004;

  private JobErrors() {
  }
}
