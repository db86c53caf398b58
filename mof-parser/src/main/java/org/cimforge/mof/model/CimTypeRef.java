package org.cimforge.mof.model;

/**
 * The resolved type of a property, parameter or method result: the CIM type, the referenced class
 * for references, and the array shape ({@code arraySize} null for variable-length arrays).
 */
public record CimTypeRef(CimType type, CimName referenceClass, boolean array, Integer arraySize) {

    public boolean isReference() {
        return type == CimType.REFERENCE;
    }

    /** The MOF spelling, e.g. {@code uint16[]} or {@code CIM_System REF}. */
    public String toMof() {
        String base = isReference() ? referenceClass + " REF" : type.mofName();
        if (!array) {
            return base;
        }
        return base + "[" + (arraySize == null ? "" : arraySize) + "]";
    }

    @Override
    public String toString() {
        return toMof();
    }
}
