package org.cimforge.mof.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cimforge.mof.SourceLocation;

/** An instance declared in MOF: its class, optional alias and the property values it sets. */
public record CimInstance(CimClass cimClass, String alias, Map<CimName, CimValue> values, String namespace,
                          SourceLocation location) {

    public CimInstance {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Optional<CimValue> value(String propertyName) {
        return Optional.ofNullable(values.get(CimName.of(propertyName)));
    }
}
