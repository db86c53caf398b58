package org.cimforge.array.model;

/** Whether a volume's capacity is taken from its pool up front (thick) or on demand (thin). */
public enum Provisioning {
  /** The whole size is allocated from the pool when the volume is created. */
  THICK,
  /** Only a first extent is allocated; the rest of the size is a subscription against the pool. */
  THIN
}
