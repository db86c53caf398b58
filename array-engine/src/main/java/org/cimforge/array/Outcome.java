package org.cimforge.array;

import java.util.Optional;
import org.cimforge.array.model.Job;
import org.cimforge.array.model.ReturnCode;

/**
 * What an engine operation answered: done at once (0), accepted with a job (4096 / 0x1000), or refused with a
 * documented return code and a readable reason. A refused operation has changed nothing.
 *
 * @param <T> what the operation produces (a volume, a pair, a query answer, ...)
 */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Started, Outcome.Refused {

  /** The method return code to report (0, 4096, or the refusal's code). */
  int returnCode();

  /** A human-readable explanation (empty for success). */
  String reason();

  /** The produced value, if the operation succeeded. */
  Optional<T> value();

  /** The job that continues the work, if one was started. */
  Optional<Job> job();

  /** True for Done and Started. */
  default boolean succeeded() {
    return !(this instanceof Refused<T>);
  }

  /** The value, or an exception describing the refusal; convenient in tests and adapters that expect success. */
  default T orThrow() {
    if (this instanceof Refused<T> r) {
      throw new IllegalStateException("refused with " + r.returnCode() + ": " + r.reason());
    }
    return value().orElse(null);
  }

  /** Completed synchronously with return code 0. */
  static <T> Outcome<T> done(T value) {
    return new Done<>(value);
  }

  /** Parameters checked, job started (return code 4096). */
  static <T> Outcome<T> started(T value, Job job) {
    return new Started<>(value, job);
  }

  /** Refused with the given code and reason. */
  static <T> Outcome<T> refused(ReturnCode code, String reason) {
    return new Refused<>(code.value(), reason, null);
  }

  /** Refused with an arbitrary numeric code (method-specific or vendor codes). */
  static <T> Outcome<T> refused(int code, String reason) {
    return new Refused<>(code, reason, null);
  }

  /** Refused with 4097 Size Not Supported, reporting the nearest size the engine could provide. */
  static <T> Outcome<T> sizeNotSupported(String reason, long nearestSize) {
    return new Refused<>(ReturnCode.SIZE_NOT_SUPPORTED.value(), reason, nearestSize);
  }

  /** Operation finished synchronously. */
  record Done<T>(T result) implements Outcome<T> {
    @Override
    public int returnCode() {
      return ReturnCode.COMPLETED.value();
    }

    @Override
    public String reason() {
      return "";
    }

    @Override
    public Optional<T> value() {
      return Optional.ofNullable(result);
    }

    @Override
    public Optional<Job> job() {
      return Optional.empty();
    }
  }

  /** Operation accepted; {@code job} carries it on. {@code result} is what exists already (e.g. the target). */
  record Started<T>(T result, Job startedJob) implements Outcome<T> {
    @Override
    public int returnCode() {
      return ReturnCode.JOB_STARTED.value();
    }

    @Override
    public String reason() {
      return "";
    }

    @Override
    public Optional<T> value() {
      return Optional.ofNullable(result);
    }

    @Override
    public Optional<Job> job() {
      return Optional.of(startedJob);
    }
  }

  /** Operation refused; state unchanged. {@code nearestSize} is set only for 4097 Size Not Supported. */
  record Refused<T>(int returnCode, String reason, Long nearestSize) implements Outcome<T> {
    @Override
    public Optional<T> value() {
      return Optional.empty();
    }

    @Override
    public Optional<Job> job() {
      return Optional.empty();
    }
  }
}
