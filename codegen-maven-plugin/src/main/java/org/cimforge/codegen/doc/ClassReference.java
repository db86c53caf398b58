package org.cimforge.codegen.doc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimSchema;

/**
 * The class reference generator: a pure function from a resolved schema to the files of a static site (relative
 * path → content), with no I/O besides reading its own stylesheet and script, and no Maven types. The same schema
 * and options always give the same files, byte for byte: everything is sorted and nothing records a time.
 *
 * <pre>{@code
 * SortedMap<String, String> site = ClassReference.render(schema, DocOptions.defaults());
 * SiteWriter.write(site, Path.of("target/cimforge-doc"));
 * }</pre>
 */
public final class ClassReference {
    private static final List<String> ASSETS = List.of("style.css", "search.js");

    private ClassReference() {
    }

    /** Every file of the site: index.html, tree.html, search-index.js, style.css, search.js, classes/*.html. */
    public static SortedMap<String, String> render(CimSchema schema, DocOptions options) {
        PageModel model = PageModel.of(schema, options.includes());
        SortedMap<String, String> files = new TreeMap<>();
        files.put("index.html", IndexRenderer.render(model, options.title()));
        files.put("tree.html", TreeRenderer.render(model, options.title()));
        files.put("search-index.js", SearchIndex.render(model));
        for (String asset : ASSETS) {
            files.put(asset, asset(asset));
        }
        ClassPageRenderer pages = new ClassPageRenderer(model, options.title());
        // Pages are independent of each other: render them on every core, then file them in name order.
        List<String> rendered = model.classes().parallelStream().map(c -> pages.render(model.page(c))).toList();
        List<CimClass> classes = model.classes();
        for (int i = 0; i < classes.size(); i++) {
            files.put(pagePath(classes.get(i).name().spelling()), rendered.get(i));
        }
        return Collections.unmodifiableSortedMap(files);
    }

    /** The site-relative path of a class's page. */
    public static String pagePath(String className) {
        return "classes/" + className + ".html";
    }

    private static String asset(String name) {
        try (InputStream in = ClassReference.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + ClassReference.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
