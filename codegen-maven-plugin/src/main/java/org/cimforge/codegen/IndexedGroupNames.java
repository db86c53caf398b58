package org.cimforge.codegen;

import com.palantir.javapoet.ClassName;
import java.util.List;
import org.cimforge.mof.model.CimProperty;

/**
 * The Java names of one group of Indexed arrays offered as a list of records (see {@link IndexedGroups}).
 *
 * @param members      the arrays of the group, in property order, as declared where the record is declared
 * @param record       the nested record type, one instance per index ({@code <FirstMember>Entry})
 * @param components   the record component names, one per member, in the same order
 * @param getter       the getter returning the list of records ({@code get<FirstMember>Entries})
 * @param setter       the builder setter taking such a list ({@code <firstMember>Entries})
 * @param declaresHere true when this class generates the record, getter and setter itself
 */
record IndexedGroupNames(List<CimProperty> members, ClassName record, List<String> components, String getter,
                         String setter, boolean declaresHere) {

    /** The same names seen from a subclass that inherits them. */
    IndexedGroupNames inherited() {
        return new IndexedGroupNames(members, record, components, getter, setter, false);
    }
}
