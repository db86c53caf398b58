package org.cimforge.codegen.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The rendered site: one golden page, determinism, escaping, well-formed pages whose links all resolve, writing. */
class ClassReferenceTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/doc/DOC_Disk.html");
    private static final DocOptions OPTIONS = new DocOptions("Test reference", List.of());

    private final SortedMap<String, String> site = ClassReference.render(DocSchemas.reference(), OPTIONS);

    /** One golden page; run with -Dgolden.update=true to rewrite it after an intended change. */
    @Test
    void goldenDiskPage() throws Exception {
        String actual = site.get("classes/DOC_Disk.html");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void siteHasTheFixedFilesAndOnePagePerClass() {
        assertThat(site.keySet()).containsExactly("classes/DOC_Disk.html", "classes/DOC_DiskAlert.html",
                "classes/DOC_DiskOf.html", "classes/DOC_Element.html", "classes/DOC_Job.html", "index.html",
                "search-index.js", "search.js", "style.css", "tree.html");
    }

    @Test
    void twoRunsWriteByteIdenticalFiles(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        SiteWriter.write(ClassReference.render(DocSchemas.reference(), OPTIONS), first);
        SiteWriter.write(ClassReference.render(DocSchemas.reference(), OPTIONS), second);
        Map<String, byte[]> a = contents(first);
        Map<String, byte[]> b = contents(second);
        assertThat(a.keySet()).isEqualTo(b.keySet()).hasSize(10);
        a.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(b.get(name)));
        // The sample schema too, with its 100-odd classes rendered in parallel.
        assertThat(ClassReference.render(DocSchemas.sample(), DocOptions.defaults()))
                .isEqualTo(ClassReference.render(DocSchemas.sample(), DocOptions.defaults()));
    }

    @Test
    void descriptionsAreEscapedAndKeepTheirParagraphs() {
        Document element = Pages.parse(site.get("classes/DOC_Element.html"));
        List<Element> paragraphs = Pages.elements(Pages.byId(element, "description"), "p", null);
        assertThat(paragraphs).extracting(Pages::text)
                .containsExactly("The root of the test schema.", "A second paragraph with <markup> & \"quotes\".");
        assertThat(site.get("classes/DOC_Element.html"))
                .contains("A second paragraph with &lt;markup&gt; &amp; &quot;quotes&quot;.")
                .doesNotContain("<markup>");
    }

    @Test
    void everyPageIsWellFormedWithUniqueIdsAndEveryLocalLinkResolves() {
        for (Map.Entry<String, String> file : site.entrySet()) {
            if (!file.getKey().endsWith(".html")) {
                continue;
            }
            assertThat(file.getValue()).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
            Document doc = Pages.parse(file.getValue());
            Set<String> ids = new HashSet<>();
            for (Element e : Pages.elements(doc, "*", null)) {
                if (e.hasAttribute("id")) {
                    assertThat(ids.add(e.getAttribute("id"))).as(file.getKey() + " id " + e.getAttribute("id")).isTrue();
                }
            }
            for (Element a : Pages.elements(doc, "a", null)) {
                assertThat(resolves(file.getKey(), a.getAttribute("href"))).as(file.getKey() + " -> "
                        + a.getAttribute("href")).isTrue();
            }
        }
    }

    @Test
    void everyClassNameOnAPageLinksToItsPage() {
        Document disk = Pages.parse(site.get("classes/DOC_Disk.html"));
        List<String> hrefs = Pages.elements(disk, "a", null).stream().map(e -> e.getAttribute("href")).toList();
        // Superclass, the REF parameter's class, the override origin, the referrer.
        assertThat(hrefs).contains("DOC_Element.html", "DOC_Job.html", "DOC_DiskOf.html");
        Document alert = Pages.parse(site.get("classes/DOC_DiskAlert.html"));
        assertThat(Pages.elements(alert, "a", null)).extracting(e -> e.getAttribute("href")).contains("DOC_Disk.html");
    }

    @Test
    void indexGroupsByPrefixWithMarkersAndTheTreeDrawsEveryClass() {
        Document index = Pages.parse(site.get("index.html"));
        Element group = Pages.byId(index, "prefix-DOC");
        assertThat(Pages.elements(group, "li", null)).extracting(Pages::text).containsExactly(
                "DOC_Disk experimental A disk.",
                "DOC_DiskAlert indication Something happened to a disk.",
                "DOC_DiskOf association Links a disk to its parent element.",
                "DOC_Element abstract The root of the test schema.", "DOC_Job A job.");
        assertThat(Pages.byId(index, "search").getAttribute("hidden")).isEqualTo("hidden");
        Document tree = Pages.parse(site.get("tree.html"));
        assertThat(Pages.elements(Pages.byId(tree, "picture"), "text", null)).extracting(Pages::text)
                .containsExactly("DOC_DiskAlert", "DOC_DiskOf", "DOC_Element", "DOC_Disk", "DOC_Job");
        assertThat(Pages.elements(Pages.byId(tree, "list"), "li", null)).hasSize(5);
        assertThat(site.get("search-index.js")).contains("{\"n\":\"DOC_Disk\",\"m\":\"experimental\",\"s\":\"A disk.\","
                + "\"k\":\"ElementName BlockSize OldSize Format Count\"}");
    }

    @Test
    void writerKeepsUnchangedFilesAndRemovesPagesOfClassesNoLongerThere(@TempDir Path dir) throws Exception {
        SiteWriter.write(site, dir);
        Files.writeString(dir.resolve("classes/DOC_Gone.html"), "old");
        Files.writeString(dir.resolve("notes.txt"), "mine");
        FileTime before = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(dir.resolve("index.html"), before);
        SiteWriter.Result again = SiteWriter.write(site, dir);
        assertThat(again).isEqualTo(new SiteWriter.Result(0, 10, 1));
        assertThat(Files.getLastModifiedTime(dir.resolve("index.html"))).isEqualTo(before);
        assertThat(dir.resolve("classes/DOC_Gone.html")).doesNotExist();
        assertThat(dir.resolve("notes.txt")).hasContent("mine");
    }

    private boolean resolves(String from, String href) {
        if (href.startsWith("#")) {
            return Pages.parse(site.get(from)).getElementById(href.substring(1)) != null
                    || site.get(from).contains("id=\"" + href.substring(1) + "\"");
        }
        String path = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        String base = from.contains("/") ? from.substring(0, from.lastIndexOf('/') + 1) : "";
        String target = Path.of(base + path).normalize().toString().replace('\\', '/');
        if (!site.containsKey(target)) {
            return false;
        }
        return !href.contains("#") || site.get(target).contains("id=\"" + href.substring(href.indexOf('#') + 1) + "\"");
    }

    private static Map<String, byte[]> contents(Path root) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(all::add);
        }
        for (Path p : all) {
            files.put(root.relativize(p).toString(), Files.readAllBytes(p));
        }
        return files;
    }
}
