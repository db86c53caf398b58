package org.cimforge.array;

import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;

/**
 * What a replica creation produced: the target element and the pair (the Synchronization OUT parameter). The pair
 * is null only when an UnSyncUnAssoc copy finished at once and its temporary association is already gone.
 */
public record Replica(Volume target, Synchronization synchronization) {
}
