package org.cimforge.runtime.query;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A property reference such as {@code SourceInstance.CIM_ConcreteJob::OperationalStatus[*]}: one segment per step into
 * an embedded instance.
 *
 * @param segments the steps, outermost first (never empty)
 * @param column   1-based column where the reference starts in the query text
 */
public record PropertyPath(List<Segment> segments, int column) {
    /** Copies the segments. */
    public PropertyPath {
        segments = List.copyOf(segments);
    }

    /** Index value of a segment that names every element, {@code [*]}. */
    public static final int ALL_ELEMENTS = -2;
    /** Index value of a segment without a subscript. */
    public static final int NO_INDEX = -1;

    /**
     * One step of a path.
     *
     * @param scopeClass the class in {@code Class::Property}, or null
     * @param property   the property name
     * @param index      {@link #NO_INDEX}, {@link #ALL_ELEMENTS}, or a 0-based array index
     */
    public record Segment(String scopeClass, String property, int index) {
        @Override
        public String toString() {
            String base = scopeClass == null ? property : scopeClass + "::" + property;
            return switch (index) {
                case NO_INDEX -> base;
                case ALL_ELEMENTS -> base + "[*]";
                default -> base + "[" + index + "]";
            };
        }
    }

    /** Whether the path ends in {@code [*]} and so stands for all elements of an array. */
    public boolean allElements() {
        return segments.get(segments.size() - 1).index() == ALL_ELEMENTS;
    }

    @Override
    public String toString() {
        return segments.stream().map(Segment::toString).collect(Collectors.joining("."));
    }
}
