package org.cimforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.junit.jupiter.api.Test;

/** The builder generated classes extend: names in any case, schema slots, unknown properties, keys, Required. */
class InstanceBuilderTest {
    static final CimClassInfo BASE = CimClassInfo.builder("TEST_Base", null)
            .property("InstanceID", CimKind.STRING, false, null, true)
            .property("ElementName", CimKind.STRING, false, null, false, true, null)
            .build();
    static final CimClassInfo ITEM = CimClassInfo.builder("TEST_Item", BASE)
            .property("Size", CimKind.UINT64, false, null, false)
            .property("elementname", CimKind.STRING, false, null, false, true, null) // overrides, other spelling
            .build();

    static final class Item extends CimInstanceBase {
        Item(CIMInstance instance) {
            super(ITEM, instance);
        }
    }

    static final class Builder extends InstanceBuilder<Builder, Item> {
        Builder() {
            super(ITEM);
        }

        Builder(Item from) {
            super(ITEM);
            copyOf(from);
        }

        Builder with(String name, Object value) {
            return set(name, value);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected Item create(CIMInstance instance) {
            return new Item(instance);
        }
    }

    @Test
    void overridingKeepsThePositionAndTakesTheNewSpelling() {
        assertThat(ITEM.properties().all()).extracting(PropertyInfo::name)
                .containsExactly("InstanceID", "elementname", "Size");
        assertThat(ITEM.properties().get("ELEMENTNAME").name()).isEqualTo("elementname");
        assertThat(ITEM.properties().get("ElementName").name()).isEqualTo("elementname");
        assertThat(ITEM.properties().get("Nope")).isNull();
    }

    @Test
    void namesInAnyCaseFillOneSlotAndTheLastValueWins() {
        Item item = new Builder().with("instanceid", "i1").with("ElementName", "first").with("ELEMENTNAME", "second")
                .with("Size", 7L).inNamespace("root/test").build();
        CIMInstance cim = item.toCimInstance();
        assertThat(cim.getProperties()).extracting(CIMProperty::getName)
                .containsExactlyInAnyOrder("InstanceID", "elementname", "Size");
        assertThat(cim.getPropertyValue("ElementName")).isEqualTo("second");
        assertThat(cim.getObjectPath().getKeys()).extracting(CIMProperty::getName).containsExactly("InstanceID");
        assertThat(cim.getObjectPath().getNamespace()).isEqualTo("root/test");
        assertThat(item.rawValue("elementNAME")).isEqualTo("second");
    }

    @Test
    void aCopyKeepsPropertiesAndKeysTheSchemaLacks() {
        CIMObjectPath path = new CIMObjectPath(null, null, null, "root/test", "TEST_Sub", new CIMProperty<?>[] {
            new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "i2", true, false, null),
            new CIMProperty<>("Extra", CIMDataType.STRING_T, "e", true, false, null)});
        Item received = new Item(new CIMInstance(path, new CIMProperty<?>[] {
            new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "i2", true, false, null),
            new CIMProperty<>("Extra", CIMDataType.STRING_T, "e", true, false, null),
            new CIMProperty<>("ElementName", CIMDataType.STRING_T, "old", false, false, null)}));
        assertThat(received.toCimInstance().getObjectPath()).isEqualTo(path);

        Item changed = new Builder(received).with("ElementName", "new").build();
        CIMInstance cim = changed.toCimInstance();
        assertThat(cim.getClassName()).isEqualTo("TEST_Sub");
        assertThat(cim.getPropertyValue("Extra")).isEqualTo("e");
        assertThat(cim.getPropertyValue("ElementName")).isEqualTo("new");
        assertThat(Arrays.stream(cim.getObjectPath().getKeys()).map(CIMProperty::getName).toList())
                .containsExactlyInAnyOrder("InstanceID", "Extra");
        assertThat(new Builder(received).build()).isEqualTo(received);
    }

    @Test
    void requiredPropertiesLeftNullAreNamed() {
        assertThatThrownBy(() -> new Builder().with("InstanceID", "i3").with("elementName", null).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("TEST_Item: Required property elementname has no value");
        assertThatThrownBy(() -> new Builder().with("Colour", "red"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no element named Colour");
    }

    @Test
    void aViewOfAnInstanceWithTwoPropertiesOfOneNameKeepsTheLast() {
        CIMObjectPath path = new CIMObjectPath(null, null, null, "root/test", "TEST_Item", new CIMProperty<?>[0]);
        Item twice = new Item(new CIMInstance(path, new CIMProperty<?>[] {
            new CIMProperty<>("Size", CIMDataType.UINT64_T, null, false, false, null),
            new CIMProperty<>("SIZE", CIMDataType.STRING_T, "x", false, false, null)}));
        assertThat(twice.toCimInstance().getProperties()).hasSize(1);
        assertThat(List.of(twice.toCimInstance().getProperties()).get(0).getValue()).isEqualTo("x");
    }
}
