package org.cimforge.runtime.query;

import java.util.Locale;

/** The query languages the runtime understands; both are parsed by the same grammar (the SMI-S filter subset). */
public enum QueryLanguage {
    /** WBEM Query Language, the SQL-like language of most CIMOMs. */
    WQL("WQL"),
    /** DMTF CQL (DSP0202), also accepted under its legacy name {@code CIM:CQL}. */
    CQL("DMTF:CQL");

    private final String standardName;

    QueryLanguage(String standardName) {
        this.standardName = standardName;
    }

    /** The name clients put into QueryLanguage. */
    public String standardName() {
        return standardName;
    }

    /** The language named {@code name} (ignoring case), or null when it is not supported. */
    public static QueryLanguage byName(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "WQL" -> WQL;
            case "DMTF:CQL", "CIM:CQL" -> CQL;
            default -> null;
        };
    }
}
