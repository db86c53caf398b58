package org.cimforge.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Locale;
import javax.lang.model.element.Modifier;
import org.cimforge.mof.model.ValueMap;

/**
 * Generates one Java enum per ValueMap: a constant per discrete value and per range (including
 * {@code ..}), each carrying its ValueMap text, label and bounds, with lookups that accept any raw value.
 */
final class EnumGenerator {

    private EnumGenerator() {
    }

    /** The enum for a ValueMap; {@code owner} names the element in the Javadoc. */
    static TypeSpec generate(ClassName name, ValueMap valueMap, String owner) {
        TypeSpec.Builder e = TypeSpec.enumBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(Types.CIM_ENUM)
                .addJavadoc("Values of $L (ValueMap/Values). Numbers within a range, and numbers the map does not list,\n"
                        + "are read as {@link $T} with the exact number kept.\n", owner, Types.ENUM_VALUE);
        NameAllocator constants = NameAllocator.forMembers();
        for (ValueMap.Entry entry : valueMap.entries()) {
            String constant = constants.allocate(constantName(entry));
            boolean range = entry instanceof ValueMap.Range;
            String low = range ? text(((ValueMap.Range) entry).low()) : text(((ValueMap.Discrete) entry).number());
            String high = range ? text(((ValueMap.Range) entry).high()) : low;
            e.addEnumConstant(constant, TypeSpec.anonymousClassBuilder("$S, $S, $L, $S, $S",
                            entry.text(), entry.label(), range, low, high)
                    .addJavadoc("ValueMap {@code $L}$L.\n", Docs.sanitize(entry.text()),
                            entry.label() == null ? "" : ": " + Docs.sanitize(entry.label()))
                    .build());
        }
        TypeName bigInteger = Types.BIG_INTEGER;
        TypeName string = ClassName.get(String.class);
        e.addField(FieldSpec.builder(string, "valueMapText", Modifier.PRIVATE, Modifier.FINAL).build());
        e.addField(FieldSpec.builder(string, "label", Modifier.PRIVATE, Modifier.FINAL).build());
        e.addField(FieldSpec.builder(TypeName.BOOLEAN, "range", Modifier.PRIVATE, Modifier.FINAL).build());
        e.addField(FieldSpec.builder(bigInteger, "low", Modifier.PRIVATE, Modifier.FINAL).build());
        e.addField(FieldSpec.builder(bigInteger, "high", Modifier.PRIVATE, Modifier.FINAL).build());
        e.addMethod(MethodSpec.constructorBuilder()
                .addParameter(string, "valueMapText")
                .addParameter(string, "label")
                .addParameter(TypeName.BOOLEAN, "range")
                .addParameter(string, "low")
                .addParameter(string, "high")
                .addStatement("this.valueMapText = valueMapText")
                .addStatement("this.label = label")
                .addStatement("this.range = range")
                .addStatement("this.low = low == null ? null : new $T(low)", bigInteger)
                .addStatement("this.high = high == null ? null : new $T(high)", bigInteger)
                .build());
        e.addMethod(getter("valueMapText", string));
        e.addMethod(getter("label", string));
        e.addMethod(MethodSpec.methodBuilder("isRange").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN).addStatement("return range").build());
        e.addMethod(getter("low", bigInteger));
        e.addMethod(getter("high", bigInteger));
        e.addMethod(MethodSpec.methodBuilder("lookup")
                .addJavadoc("Any raw value (a number of any width, or a string) with the constant it falls under.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(TypeMapper.enumValue(name))
                .addParameter(Object.class, "raw")
                .addStatement("return $T.lookup($T.class, raw)", Types.ENUM_VALUE, name)
                .build());
        return e.build();
    }

    private static MethodSpec getter(String field, TypeName type) {
        return MethodSpec.methodBuilder(field).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(type).addStatement("return $N", field).build();
    }

    private static String text(java.math.BigInteger number) {
        return number == null ? null : number.toString();
    }

    /**
     * The constant name for an entry: from its Values label; without a usable label {@code VALUE_<n>}
     * for numbers, the map text itself for a string value that starts with a letter ({@code "Degraded"}
     * gives {@code DEGRADED}), {@code RANGE_<low>_<high>} for ranges and {@code OTHER} for {@code ..}.
     */
    static String constantName(ValueMap.Entry entry) {
        String fromLabel = entry.label() == null ? "" : JavaCase.constant(entry.label());
        if (!fromLabel.isEmpty()) {
            return fromLabel;
        }
        String text = JavaCase.constant(entry.text().toUpperCase(Locale.ROOT).replace("..", " TO "));
        if (entry instanceof ValueMap.Range r) {
            return r.isRest() ? "OTHER" : "RANGE_" + text;
        }
        // A string-valued map names its values in words already; only numbers need a prefix to be identifiers.
        boolean word = entry instanceof ValueMap.Discrete d && d.number() == null && !text.isEmpty()
                && Character.isLetter(text.charAt(0));
        return word ? text : "VALUE_" + text;
    }
}
