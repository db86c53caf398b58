package org.cimforge.codegen.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cimforge.codegen.doc.ClassPage.Marker;
import org.cimforge.codegen.doc.ClassPage.Member;
import org.cimforge.codegen.doc.ClassPage.MethodEntry;
import org.cimforge.codegen.doc.ClassPage.PropertyGroup;
import org.cimforge.codegen.doc.ClassPage.Referrer;
import org.cimforge.codegen.doc.ClassPage.ValueRow;
import org.cimforge.mof.model.CimClass;
import org.junit.jupiter.api.Test;

/** The page model of the small reference schema: grouping, ranges, ValueMaps, referrers, override origin. */
class PageModelTest {
    private final PageModel model = PageModel.of(DocSchemas.reference(), List.of());

    private ClassPage page(String name) {
        return model.page(model.classOf(name));
    }

    private static List<String> names(List<Member> members) {
        return members.stream().map(Member::name).toList();
    }

    private static Member member(ClassPage page, String name) {
        return page.properties().values().stream().flatMap(List::stream).filter(m -> m.name().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void propertiesAreGroupedAsKeysWriteableReadOnlyWithTheClassOwnFirst() {
        ClassPage disk = page("DOC_Disk");
        assertThat(disk.properties().keySet())
                .containsExactly(PropertyGroup.KEYS, PropertyGroup.WRITEABLE, PropertyGroup.READ_ONLY);
        assertThat(names(disk.properties().get(PropertyGroup.KEYS))).containsExactly("InstanceID");
        assertThat(names(disk.properties().get(PropertyGroup.WRITEABLE))).containsExactly("ElementName");
        // DOC_Disk's own properties, then DOC_Element's, as the vendor page orders them.
        assertThat(names(disk.properties().get(PropertyGroup.READ_ONLY)))
                .containsExactly("BlockSize", "OldSize", "HealthState");
    }

    @Test
    void rangesUnitsDefaultsAndDeprecation() {
        ClassPage disk = page("DOC_Disk");
        assertThat(member(disk, "InstanceID").range()).isEqualTo("Max = 256");
        assertThat(member(disk, "ElementName").range()).isEqualTo("Max = 32");
        Member blockSize = member(disk, "BlockSize");
        assertThat(blockSize.range()).isEqualTo("Min = 1, Max = 4096");
        assertThat(blockSize.units()).isEqualTo("byte");
        assertThat(blockSize.defaultValue()).isEqualTo("512");
        assertThat(member(disk, "HealthState").range()).isEmpty();
        assertThat(member(disk, "OldSize").deprecation().replacements()).containsExactly("DOC_Disk.BlockSize");
        assertThat(member(disk, "OldSize").deprecation()).hasToString("Deprecated: use DOC_Disk.BlockSize");
        assertThat(blockSize.deprecation()).isNull();
    }

    @Test
    void valueMapRangesStayRangesWithOpenBoundsFilledFromTheType() {
        assertThat(member(page("DOC_Disk"), "HealthState").values()).containsExactly(
                new ValueRow("0", "Unknown", false), new ValueRow("2", "OK", false),
                new ValueRow("3", "Degraded", false), new ValueRow("..", "DMTF Reserved", true),
                new ValueRow("0x8000..0xFFFF", "Vendor Reserved", true));
        MethodEntry format = page("DOC_Disk").methods().get(0);
        assertThat(format.name()).isEqualTo("Format");
        assertThat(format.returnCodes()).containsExactly(new ValueRow("0", "Completed", false),
                new ValueRow("1", "Failed", false), new ValueRow("4096", "Job Started", false),
                new ValueRow("4097..32767", "Method Reserved", true),
                new ValueRow("32768..4294967295", "Vendor Specific", true));
    }

    @Test
    void methodParametersAreSplitByDirection() {
        MethodEntry format = page("DOC_Disk").methods().get(0);
        assertThat(names(format.in())).containsExactly("Mode");
        assertThat(format.in().get(0).values()).extracting(ValueRow::value).containsExactly("0", "1");
        assertThat(names(format.out())).containsExactly("Job");
        assertThat(format.out().get(0).type().linkedClass()).isEqualTo("DOC_Job");
        assertThat(names(format.inOut())).containsExactly("Size");
        MethodEntry count = page("DOC_Disk").methods().get(1);
        assertThat(count.isStatic()).isTrue();
        assertThat(count.returnCodes()).isEmpty();
    }

    @Test
    void referencedByListsRefPropertiesAndRefParametersThatTargetTheClass() {
        assertThat(page("DOC_Disk").referencedBy()).containsExactly(new Referrer("DOC_DiskOf", "Disk", true));
        assertThat(page("DOC_Element").referencedBy()).containsExactly(new Referrer("DOC_DiskOf", "Parent", true));
        assertThat(page("DOC_Job").referencedBy()).containsExactly(new Referrer("DOC_Disk", "Format(Job)", false));
        assertThat(page("DOC_DiskAlert").referencedBy()).isEmpty();
    }

    @Test
    void overrideOriginNamesTheFirstDeclarerAndTheOverridingClass() {
        Member overridden = member(page("DOC_Disk"), "ElementName");
        assertThat(overridden.origin()).isEqualTo("DOC_Element");
        assertThat(overridden.overriddenIn()).isEqualTo("DOC_Disk");
        Member inherited = member(page("DOC_Job"), "ElementName");
        assertThat(inherited.origin()).isEqualTo("DOC_Element");
        assertThat(inherited.overriddenIn()).isNull();
        assertThat(member(page("DOC_Disk"), "BlockSize").origin()).isEqualTo("DOC_Disk");
    }

    @Test
    void hierarchyMarkersAndEmbeddedInstances() {
        assertThat(page("DOC_Disk").superclasses()).containsExactly("DOC_Element");
        assertThat(page("DOC_Element").superclasses()).isEmpty();
        assertThat(page("DOC_Element").subclasses()).containsExactly("DOC_Disk", "DOC_Job");
        assertThat(page("DOC_Element").markers()).containsExactly(Marker.ABSTRACT);
        assertThat(page("DOC_Disk").markers()).containsExactly(Marker.EXPERIMENTAL);
        assertThat(page("DOC_DiskOf").markers()).containsExactly(Marker.ASSOCIATION);
        assertThat(page("DOC_DiskAlert").markers()).containsExactly(Marker.INDICATION);
        assertThat(member(page("DOC_DiskAlert"), "Source").type().linkedClass()).isEqualTo("DOC_Disk");
    }

    @Test
    void selectionIsClosedOverSuperclassesAndReferenceTargets() {
        PageModel disk = PageModel.of(DocSchemas.reference(), List.of("doc_disk"));
        assertThat(disk.classes()).extracting(CimClass::name).extracting(n -> n.spelling())
                .containsExactly("DOC_Disk", "DOC_Element", "DOC_Job");
        // Only documented classes count as subclasses and referrers.
        assertThat(disk.page(disk.classOf("DOC_Disk")).referencedBy()).isEmpty();
    }
}
