package org.cimforge.mof.ast;

import java.util.List;
import org.cimforge.mof.SourceText;

/** The parsed form of one MOF file: its productions in source order. */
public record MofFile(SourceText source, List<Production> productions) {
    public MofFile {
        productions = List.copyOf(productions);
    }
}
