package org.cimforge.codegen;

/** The kinds of Java source the generator can emit for each selected class. */
public enum Artifact {
    /** Typed instance classes with their ValueMap enums and method argument/result types. */
    MODEL,
    /** Provider interfaces for servers (need MODEL). */
    PROVIDERS,
    /** Client stubs over WBEMClient (need MODEL). */
    CLIENTS
}
