package org.cimforge.mof;

import java.util.List;

/** Test helper: compiles inline MOF after a small set of qualifier declarations. */
final class Mof {
    static final String QUALIFIERS = """
            Qualifier Abstract : boolean = false, Scope(class, association, indication), Flavor(Restricted);
            Qualifier Association : boolean = false, Scope(association), Flavor(DisableOverride, ToSubclass);
            Qualifier Indication : boolean = false, Scope(class, indication), Flavor(DisableOverride, ToSubclass);
            Qualifier Description : string = null, Scope(any), Flavor(Translatable);
            Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);
            Qualifier Override : string = null, Scope(property, reference, method), Flavor(Restricted);
            Qualifier ValueMap : string[], Scope(property, method, parameter);
            Qualifier Values : string[], Scope(property, method, parameter), Flavor(Translatable);
            Qualifier In : boolean = true, Scope(parameter), Flavor(DisableOverride, ToSubclass);
            Qualifier Out : boolean = false, Scope(parameter), Flavor(DisableOverride, ToSubclass);
            Qualifier MaxLen : uint32 = null, Scope(property, method, parameter);
            Qualifier EmbeddedInstance : string = null, Scope(property, method, parameter);
            Qualifier Counter : boolean = false, Scope(property, method, parameter);
            Qualifier Tags : string[], Scope(class);
            """;

    private Mof() {
    }

    /** Compiles {@code test.mof} holding the qualifier declarations followed by the given text. */
    static CompilationResult compile(String mof) {
        return MofCompiler.builder().build().compileTexts(List.of(new SourceText("q.mof", QUALIFIERS),
                new SourceText("test.mof", mof)));
    }

    /** Compiles the text alone, without qualifier declarations. */
    static CompilationResult compileAlone(String mof) {
        return MofCompiler.builder().build().compileText("test.mof", mof);
    }
}
