package org.cimforge.runtime.cimxml;

import org.metricshub.wbem.javax.cim.CIMDataType;

/**
 * Tells the decoder the declared type of a property or method parameter, for values that arrive without a TYPE or
 * PARAMTYPE (wbemcli never sends PARAMTYPE, and KEYVALUE may lack TYPE).
 */
public interface TypeLookup {
    /** Declared type of a property, or null when the class or property is unknown. */
    CIMDataType propertyType(String namespace, String className, String propertyName);

    /** Declared type of a method parameter, or null when unknown. */
    CIMDataType parameterType(String namespace, String className, String methodName, String parameterName);

    /** Whether the property is an embedded instance/object (EmbeddedInstance or EmbeddedObject qualifier). */
    default boolean isEmbedded(String namespace, String className, String propertyName) {
        return false;
    }

    /** A lookup that knows nothing; values are typed from the XML alone. */
    TypeLookup NONE = new TypeLookup() {
        @Override
        public CIMDataType propertyType(String namespace, String className, String propertyName) {
            return null;
        }

        @Override
        public CIMDataType parameterType(String namespace, String className, String methodName, String parameterName) {
            return null;
        }
    };
}
