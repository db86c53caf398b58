package org.cimforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.metricshub.wbem.javax.cim.CIMDataType;

/** JSR48 data types for every kind, scalar and unbounded array (the library refuses array size 0). */
class CimKindTest {

    @ParameterizedTest
    @EnumSource(value = CimKind.class, names = {"REFERENCE", "INSTANCE"}, mode = EnumSource.Mode.EXCLUDE)
    void arrayAndScalarTypesOfEveryKind(CimKind kind) {
        CIMDataType array = kind.dataType(true, null);
        CIMDataType scalar = kind.dataType(false, null);
        assertThat(array.isArray()).isTrue();
        assertThat(array.getSize()).isZero();
        assertThat(scalar.isArray()).isFalse();
        assertThat(CimKind.of(array)).isEqualTo(kind);
        assertThat(CimKind.of(scalar)).isEqualTo(kind);
    }

    @Test
    void referenceArraysKeepTheirTargetClass() {
        CIMDataType refs = CimKind.REFERENCE.dataType(true, "CIM_StorageVolume");
        assertThat(refs.isArray()).isTrue();
        assertThat(refs.getRefClassName()).isEqualTo("CIM_StorageVolume");
        assertThat(CimKind.REFERENCE.dataType(false, "CIM_StorageVolume").isArray()).isFalse();
    }
}
