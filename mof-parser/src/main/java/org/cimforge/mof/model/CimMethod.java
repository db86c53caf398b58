package org.cimforge.mof.model;

import java.util.List;
import java.util.Optional;
import org.cimforge.mof.SourceLocation;

/** A method of a class: return type, parameters in order, effective qualifiers and the declaring class. */
public record CimMethod(CimName name, CimTypeRef returnType, List<CimParameter> parameters, Qualifiers qualifiers,
                        CimName classOrigin, boolean propagated, ValueMap valueMap, SourceLocation location)
        implements CimElement {

    public CimMethod {
        parameters = List.copyOf(parameters);
    }

    /** True for a static method, invoked on the class rather than on an instance. */
    public boolean isStatic() {
        return qualifiers.isTrue("Static");
    }

    public Optional<CimParameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().matches(parameterName)).findFirst();
    }

    /** The ValueMap of the return value (the method's return codes), if declared. */
    public Optional<ValueMap> returnValues() {
        return Optional.ofNullable(valueMap);
    }

    /** This method as it appears in a subclass that inherits it unchanged. */
    public CimMethod inherited(Qualifiers propagatedQualifiers) {
        return new CimMethod(name, returnType, parameters, propagatedQualifiers, classOrigin, true, valueMap, location);
    }
}
