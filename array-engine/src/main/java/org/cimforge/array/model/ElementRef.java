package org.cimforge.array.model;

/** A typed pointer to an engine object, e.g. an element a job affected or produced. */
public record ElementRef(EntityKind kind, String id) {
}
