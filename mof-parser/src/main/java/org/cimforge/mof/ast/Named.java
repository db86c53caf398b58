package org.cimforge.mof.ast;

import org.cimforge.mof.SourceLocation;

/** A word with its position, used for scope and flavor keywords that the resolver validates. */
public record Named(String name, SourceLocation location) {
}
