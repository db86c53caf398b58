package org.cimforge.array.store;

/** The durable store failed; the engine rolls the transaction back in memory and reports this. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
