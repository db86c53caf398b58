package org.cimforge.runtime;

import java.util.ArrayList;
import java.util.List;

/** The schema facts a generated class records about its CIM class: name, superclass and effective properties. */
public final class CimClassInfo {
    private final String name;
    private final CimClassInfo superClass;
    private final ElementSet properties;

    private CimClassInfo(String name, CimClassInfo superClass, ElementSet properties) {
        this.name = name;
        this.superClass = superClass;
        this.properties = properties;
    }

    /** Starts the description of a class; superClass is null for a root class. */
    public static Builder builder(String name, CimClassInfo superClass) {
        return new Builder(name, superClass);
    }

    /** The CIM class name, e.g. {@code CIM_StorageVolume}. */
    public String name() {
        return name;
    }

    /** The superclass description, or null for a root class. */
    public CimClassInfo superClass() {
        return superClass;
    }

    /** Effective properties, inherited ones first. */
    public ElementSet properties() {
        return properties;
    }

    /** Key properties in schema order. */
    public List<PropertyInfo> keys() {
        return properties.all().stream().filter(PropertyInfo::key).toList();
    }

    /** True when this class is the named class or inherits from it (names compared ignoring case). */
    public boolean isA(String className) {
        for (CimClassInfo c = this; c != null; c = c.superClass) {
            if (c.name.equalsIgnoreCase(className)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Collects the properties a class declares itself (new or overriding). */
    public static final class Builder {
        private final String name;
        private final CimClassInfo superClass;
        private final List<PropertyInfo> declared = new ArrayList<>();

        private Builder(String name, CimClassInfo superClass) {
            this.name = name;
            this.superClass = superClass;
        }

        /** Adds a declared property. */
        public Builder property(String propertyName, CimKind kind, boolean array, String refClass, boolean key) {
            declared.add(new PropertyInfo(propertyName, kind, array, refClass, key));
            return this;
        }

        /** Adds a declared property that is Required or has a ValueMap (read by toString and build checks). */
        public Builder property(String propertyName, CimKind kind, boolean array, String refClass, boolean key,
                                boolean required, Class<? extends CimEnum> valueMap) {
            declared.add(new PropertyInfo(propertyName, kind, array, refClass, key, required, valueMap));
            return this;
        }

        public CimClassInfo build() {
            ElementSet inherited = superClass == null ? ElementSet.of(List.of()) : superClass.properties;
            return new CimClassInfo(name, superClass, inherited.plus(declared));
        }
    }
}
