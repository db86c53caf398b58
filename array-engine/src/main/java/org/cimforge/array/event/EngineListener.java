package org.cimforge.array.event;

/**
 * Receives every committed change. Listeners run synchronously, in commit order, while the engine lock is held,
 * so they must be quick and must not change the engine (hand work to a queue instead).
 */
@FunctionalInterface
public interface EngineListener {

  /** Called once per change, after the change is durable. */
  void onEvent(EngineEvent event);
}
