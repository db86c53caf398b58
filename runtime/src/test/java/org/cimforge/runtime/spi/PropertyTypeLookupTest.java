package org.cimforge.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.cimforge.mof.CompilationResult;
import org.cimforge.mof.MofCompiler;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMDataType;

/** Property types are remembered by the names as spelled; the answers must stay those of the case-folding look-up. */
class PropertyTypeLookupTest {
    private static CimClassRepository repository() {
        CompilationResult result = MofCompiler.builder().build().compileText("t.mof",
                "Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride);\n"
                        + "Qualifier EmbeddedInstance : string = null, Scope(property, method, parameter);\n"
                        + "class T_Item { [Key] string InstanceID; uint16 Kind; uint64 Blocks[];"
                        + " [EmbeddedInstance(\"T_Item\")] string Inner; };\n"
                        + "class T_Sub : T_Item { boolean Extra; };\n");
        assertThat(result.hasErrors()).as(result.renderDiagnostics()).isFalse();
        return new CimClassRepository().namespace("root/t", result.schema());
    }

    @Test
    void answersAreTheSameTheFirstTimeAndFromMemoryForAnySpelling() {
        CimClassRepository r = repository();
        for (int pass = 0; pass < 2; pass++) {
            assertThat(r.propertyType("root/t", "T_Item", "Kind")).isEqualTo(CIMDataType.UINT16_T);
            assertThat(r.propertyType("ROOT/T", "t_item", "KIND")).isEqualTo(CIMDataType.UINT16_T);
            assertThat(r.propertyType("root/t", "T_Sub", "kind")).isEqualTo(CIMDataType.UINT16_T);
            assertThat(r.propertyType("root/t", "T_Sub", "Extra")).isEqualTo(CIMDataType.BOOLEAN_T);
            assertThat(r.propertyType("root/t", "T_Item", "Extra")).isNull();
            assertThat(r.propertyType("root/t", "T_Item", "Blocks")).isEqualTo(CIMDataType.UINT64_ARRAY_T);
            assertThat(r.propertyType("root/t", "T_Item", "Inner").getType()).isEqualTo(CIMDataType.OBJECT);
            assertThat(r.propertyType("root/t", "T_None", "Kind")).isNull();
            assertThat(r.propertyType("root/other", "T_Item", "Kind")).isNull();
        }
    }

    @Test
    void nonAsciiSpellingsGetFromMemoryWhatTheLookUpGaveThem() {
        // The Kelvin sign lower-cases to 'k', a dotted capital I to "i" and a combining dot: whatever the model's
        // case-insensitive look-up makes of them, the remembered answer is the same, for one spelling after another.
        String[] spellings = {"\u212Aind", "\u0130nstanceID", "\u0131nstanceID", "KİND", "Blocks\u00DF", "kInD"};
        CimClassRepository shared = repository();
        for (String spelling : spellings) {
            CIMDataType fresh = repository().propertyType("root/t", "T_Item", spelling);
            assertThat(shared.propertyType("root/t", "T_Item", spelling)).as(spelling).isEqualTo(fresh);
            assertThat(shared.propertyType("root/t", "T_Item", spelling)).as(spelling).isEqualTo(fresh);
        }
        assertThat(shared.propertyType("root/t", "T_Item", "kInD")).isEqualTo(CIMDataType.UINT16_T);
    }
}
