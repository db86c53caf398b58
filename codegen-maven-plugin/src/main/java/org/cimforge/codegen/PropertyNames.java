package org.cimforge.codegen;

import com.palantir.javapoet.ClassName;
import org.cimforge.mof.model.CimProperty;

/**
 * The Java names chosen for one property as seen from a class: the declaration whose accessors it
 * uses, the getter (and exact-value getter for enums), the builder setter, and its enum type if any.
 *
 * @param property       the declaration the accessors were generated for
 * @param getter         typed getter name
 * @param valueGetter    exact {@code EnumValue} getter for scalar enums, else null
 * @param setter         builder setter name
 * @param enumType       the generated enum, or null
 * @param declaresHere   true when this class generates the accessors itself
 * @param overridesGetter true when the getter overrides a superclass getter with a narrower type
 * @param retypesEnum    true when this redeclaration gives an inherited property its own ValueMap enum under the
 *                       inherited accessor names (typed setters overload the inherited ones)
 * @param enumOverloads  true when the generic {@code getX(Class<E>)} overloads exist in this class or an ancestor
 */
record PropertyNames(CimProperty property, String getter, String valueGetter, String setter, ClassName enumType,
                     boolean declaresHere, boolean overridesGetter, boolean retypesEnum, boolean enumOverloads) {

    /** The same names seen from a subclass that inherits them. */
    PropertyNames inherited() {
        return new PropertyNames(property, getter, valueGetter, setter, enumType, false, false, false, enumOverloads);
    }
}
