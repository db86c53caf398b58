package org.cimforge.codegen.doc;

import java.util.List;
import java.util.Map;
import org.cimforge.mof.model.CimClass;

/**
 * Renders {@code index.html}: every documented class grouped by schema prefix, with its markers and the first
 * sentence of its description, and a search box that only appears when JavaScript runs (the list works without).
 */
final class IndexRenderer {
    private IndexRenderer() {
    }

    static String render(PageModel model, String title) {
        Html h = new Html().begin(title, "", "");
        Map<String, List<CimClass>> groups = model.byPrefix();
        h.raw("<h1>").text(title).raw("</h1>\n<p>").text(model.classes().size() + " classes in "
                + groups.size() + (groups.size() == 1 ? " schema" : " schemas")).raw(", grouped by schema prefix. "
                + "See also the <a href=\"tree.html\">inheritance tree</a>.</p>\n");
        h.raw("<form id=\"search\" role=\"search\" hidden=\"hidden\"><label for=\"q\">Search classes</label> "
                + "<input id=\"q\" type=\"search\" autocomplete=\"off\" placeholder=\"class, property or method name\"/>"
                + "</form>\n<ol id=\"results\" hidden=\"hidden\"></ol>\n");
        h.raw("<nav class=\"prefixes\">");
        for (String prefix : groups.keySet()) {
            h.raw("<a href=\"#").raw(anchor(prefix)).raw("\">").text(label(prefix)).raw("</a> ");
        }
        h.raw("</nav>\n");
        for (Map.Entry<String, List<CimClass>> group : groups.entrySet()) {
            h.raw("<section id=\"").raw(anchor(group.getKey())).raw("\">\n<h2>").text(label(group.getKey()))
                    .raw(" <span class=\"count\">(").text(String.valueOf(group.getValue().size()))
                    .raw(")</span></h2>\n<ul class=\"index\">\n");
            for (CimClass c : group.getValue()) {
                String name = c.name().spelling();
                h.raw("<li><a href=\"classes/").text(name).raw(".html\">").text(name).raw("</a>")
                        .markers(PageModel.markers(c));
                String summary = Html.summary(MemberFacts.description(c.qualifiers()));
                if (!summary.isEmpty()) {
                    h.raw(" <span class=\"summary\">").text(summary).raw("</span>");
                }
                h.raw("</li>\n");
            }
            h.raw("</ul>\n</section>\n");
        }
        return h.end("<script src=\"search-index.js\"></script>\n<script src=\"search.js\"></script>\n").toString();
    }

    private static String anchor(String prefix) {
        return "prefix-" + (prefix.isEmpty() ? "none" : Html.escape(prefix));
    }

    private static String label(String prefix) {
        return prefix.isEmpty() ? "(no prefix)" : prefix;
    }
}
