package org.cimforge.codegen.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimMethod;
import org.cimforge.mof.model.ValueMap;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The vendor page the reference imitates (seed 004, IBM ESS {@code IBMTSESS_AsyncPPRCService}), checked against
 * the page rendered from the sample module's MOF: the three property groups, the four keys with {@code Max = 256},
 * and a return-code table for every method.
 */
class SeedPageTest {
    private static final String SEED = "IBMTSESS_AsyncPPRCService";

    private final Map<String, String> site = ClassReference.render(DocSchemas.sample(), DocOptions.defaults());
    private final Document page = Pages.parse(site.get(ClassReference.pagePath(SEED)));

    @Test
    void propertiesComeInTheSeedGroupsWithTheFourKeysAtMax256() {
        Element properties = Pages.elements(page, "table", "properties").get(0);
        List<Element> groups = Pages.elements(properties, "tbody", "group");
        assertThat(groups).extracting(g -> Pages.text(Pages.elements(g, "th", null).get(0)))
                .containsExactly("Keys", "Writeable", "Read only");
        List<Element> keys = Pages.elements(groups.get(0), "tr", null).subList(1, 5);
        assertThat(Pages.elements(groups.get(0), "tr", null)).hasSize(5);
        assertThat(keys).extracting(k -> Pages.text(Pages.elements(k, "td", "name").get(0)))
                .containsExactly("SystemCreationClassName", "SystemName", "CreationClassName", "Name");
        assertThat(keys).extracting(k -> Pages.text(Pages.elements(k, "td", "range").get(0)))
                .containsOnly("Max = 256");
        // As on the seed page: the owner's name and contact are writeable, the state properties read only.
        assertThat(Pages.elements(groups.get(1), "td", "name")).extracting(Pages::text)
                .contains("PrimaryOwnerName", "PrimaryOwnerContact");
        assertThat(Pages.elements(groups.get(2), "td", "name")).extracting(Pages::text)
                .contains("EnabledState", "OperationalStatus", "ElementName");
    }

    @Test
    void everyMethodHasItsReturnCodeTable() {
        CimClass seed = DocSchemas.sample().cimClass(SEED).orElseThrow();
        assertThat(seed.methods()).hasSizeGreaterThan(20);
        for (CimMethod method : seed.methods()) {
            Element section = Pages.byId(page, "m-" + method.name().spelling());
            List<Element> tables = Pages.elements(section, "table", "return-codes");
            assertThat(tables).as(method.name().spelling()).hasSize(1);
            List<Element> rows = Pages.elements(Pages.elements(tables.get(0), "tbody", null).get(0), "tr", null);
            ValueMap codes = method.valueMap();
            if (codes == null) {
                assertThat(rows).hasSize(1);
                assertThat(Pages.text(rows.get(0))).startsWith("not enumerated");
                continue;
            }
            assertThat(rows).as(method.name().spelling()).hasSize(codes.entries().size());
            for (int i = 0; i < rows.size(); i++) {
                assertThat(Pages.text(Pages.elements(rows.get(i), "td", null).get(0))).isEqualTo(
                        codes.entries().get(i).label());
            }
        }
    }

    @Test
    void manageSessionShowsTheSeedReturnCodesWithRangesAsRanges() {
        Element table = Pages.elements(Pages.byId(page, "m-ManageSession"), "table", "return-codes").get(0);
        List<String> rows = Pages.elements(table, "tr", null).stream().skip(1).map(SeedPageTest::cells).toList();
        assertThat(rows).contains("Job Completed with No Error 0", "DMTF Reserved ..",
                "Method Parameters Checked - Job Started 4096", "Method Reserved 4098..32767",
                "Vendor Specific 32768..65535");
        Element in = Pages.elements(Pages.elements(Pages.byId(page, "m-ManageSession"), "table", "parameters").get(0),
                "tbody", "in").get(0);
        assertThat(Pages.elements(in, "td", "name")).extracting(Pages::text)
                .containsExactly("SessionNumber", "SessionType", "LSS", "Operation");
    }

    private static String cells(Element row) {
        return String.join(" ", Pages.elements(row, "td", null).stream().map(Pages::text).toList());
    }

    @Test
    void seedOrderAndNavigation() {
        List<String> sections = Pages.elements(page, "section", null).stream().map(s -> s.getAttribute("id"))
                .filter(id -> !id.startsWith("m-")).toList();
        assertThat(sections).containsExactly("superclasses", "subclasses", "referenced-by", "description",
                "properties", "methods");
        assertThat(Pages.elements(page, "nav", "top").get(0).getTextContent())
                .isEqualTo("Index Tree Subclasses Referenced By Properties Methods");
        assertThat(Pages.elements(Pages.byId(page, "superclasses"), "a", null)).extracting(Pages::text)
                .endsWith("CIM_Service", "CIM_StorageConfigurationService", "IBMTSESS_StorageConfigurationService");
    }
}
