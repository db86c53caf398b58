package org.cimforge.runtime.indication;

import java.util.ArrayList;
import java.util.List;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * Builds the life-cycle indications of DSP1054 (CIM_InstCreation, CIM_InstModification, CIM_InstDeletion, or a vendor
 * subclass of one of them) around the instance they are about. The delivering server adds IndicationTime,
 * IndicationFilterName, SourceInstanceModelPath, SourceInstanceHost and the sequence properties.
 */
public final class LifecycleIndications {
    /** DMTF class of a creation indication. */
    public static final String CREATION = "CIM_InstCreation";
    /** DMTF class of a modification indication. */
    public static final String MODIFICATION = "CIM_InstModification";
    /** DMTF class of a deletion indication. */
    public static final String DELETION = "CIM_InstDeletion";

    private LifecycleIndications() {
    }

    /** An indication of class {@code indicationClass} saying {@code created} now exists. */
    public static CIMInstance creation(String indicationClass, CIMInstance created) {
        return indication(indicationClass, created, null);
    }

    /**
     * An indication of class {@code indicationClass} saying {@code previous} became {@code current}; the names of
     * the non-key properties whose values differ go into ChangedPropertyNames.
     */
    public static CIMInstance modification(String indicationClass, CIMInstance previous, CIMInstance current) {
        return indication(indicationClass, current, previous);
    }

    /** An indication of class {@code indicationClass} saying {@code deleted} (its last state) is gone. */
    public static CIMInstance deletion(String indicationClass, CIMInstance deleted) {
        return indication(indicationClass, deleted, null);
    }

    private static CIMInstance indication(String indicationClass, CIMInstance source, CIMInstance previous) {
        List<CIMProperty<?>> props = new ArrayList<>();
        props.add(new CIMProperty<>("SourceInstance", CIMDataType.OBJECT_T, source));
        if (previous != null) {
            props.add(new CIMProperty<>("PreviousInstance", CIMDataType.OBJECT_T, previous));
            props.add(new CIMProperty<>("ChangedPropertyNames", CIMDataType.STRING_ARRAY_T,
                    changedNames(previous, source)));
        }
        return new CIMInstance(new CIMObjectPath(null, null, null, null, indicationClass, null), props.toArray(new CIMProperty<?>[0]));
    }

    /** Non-key properties whose values differ between the two states (ignoring case in names). */
    static String[] changedNames(CIMInstance before, CIMInstance after) {
        List<String> names = new ArrayList<>();
        for (CIMProperty<?> p : after.getProperties()) {
            if (p.isKey()) {
                continue;
            }
            CIMProperty<?> old = before.getProperty(p.getName());
            Object oldValue = old == null ? null : old.getValue();
            if (!java.util.Objects.deepEquals(oldValue, p.getValue())) {
                names.add(p.getName());
            }
        }
        return names.toArray(new String[0]);
    }
}
