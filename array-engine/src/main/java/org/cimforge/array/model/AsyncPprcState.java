package org.cimforge.array.model;

/** Where an ESS session's asynchronous PPRC (Global Mirror) process stands. */
public enum AsyncPprcState {
  /** The session is open but async PPRC was never started or has been terminated. */
  NOT_STARTED,
  /** Consistency groups are being formed at the configured interval. */
  RUNNING,
  /** Formation is paused; out-of-sync tracks keep accumulating. */
  PAUSED,
  /** Terminated (orderly or forced); a new Start is allowed. */
  TERMINATED
}
