package org.cimforge.mof.ast;

import org.cimforge.mof.SourceLocation;
import org.cimforge.mof.model.CimType;

/**
 * The declared type of a property, parameter, method or qualifier as written: a CIM type,
 * the referenced class for REF, and the array shape (arraySize null for a variable-size array).
 */
public record TypeSpec(CimType type, String referenceClass, boolean array, Integer arraySize,
                       SourceLocation location) {
}
