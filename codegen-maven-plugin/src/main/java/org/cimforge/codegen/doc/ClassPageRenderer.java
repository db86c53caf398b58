package org.cimforge.codegen.doc;

import java.util.List;
import java.util.Map;
import org.cimforge.codegen.doc.ClassPage.Deprecation;
import org.cimforge.codegen.doc.ClassPage.Member;
import org.cimforge.codegen.doc.ClassPage.MethodEntry;
import org.cimforge.codegen.doc.ClassPage.PropertyGroup;
import org.cimforge.codegen.doc.ClassPage.Referrer;
import org.cimforge.codegen.doc.ClassPage.TypeText;
import org.cimforge.codegen.doc.ClassPage.ValueRow;
import org.cimforge.mof.model.CimClass;

/**
 * Renders one class page ({@code classes/<Class>.html}) in the vendor page's order: superclasses, subclasses,
 * referenced by, description, properties (Keys / Writeable / Read only), method summary and method detail with
 * parameters and return codes. Every class name links to its page when the reference has one.
 */
final class ClassPageRenderer {
    private static final String SECTIONS = " <a href=\"#subclasses\">Subclasses</a> <a href=\"#referenced-by\">"
            + "Referenced By</a> <a href=\"#properties\">Properties</a> <a href=\"#methods\">Methods</a>";

    private final PageModel model;
    private final String title;

    ClassPageRenderer(PageModel model, String title) {
        this.model = model;
        this.title = title;
    }

    String render(ClassPage page) {
        Html h = new Html().begin(page.name() + " - " + title, "../", SECTIONS);
        h.raw("<h1>").text(page.name()).markers(page.markers()).raw("</h1>\n");
        deprecation(h, page.deprecation());
        h.raw("<section id=\"superclasses\">\n<h2>Superclasses</h2>\n");
        classList(h, page.superclasses(), "ol");
        h.raw("</section>\n<section id=\"subclasses\">\n<h2>Subclasses</h2>\n");
        classList(h, page.subclasses(), "ul");
        h.raw("</section>\n<section id=\"referenced-by\">\n<h2>Referenced By</h2>\n");
        referrers(h, page.referencedBy());
        h.raw("</section>\n<section id=\"description\">\n<h2>Description</h2>\n").description(page.description());
        h.raw("</section>\n<section id=\"properties\">\n<h2>Properties</h2>\n");
        properties(h, page.properties());
        h.raw("</section>\n<section id=\"methods\">\n<h2>Methods</h2>\n");
        methods(h, page.methods());
        h.raw("</section>\n");
        return h.end("").toString();
    }

    /** "Deprecated: use …", each replacement linked to its class's page (and the member's row) when there is one. */
    private void deprecation(Html h, Deprecation deprecation) {
        if (deprecation == null) {
            return;
        }
        h.raw("<p class=\"deprecated\">Deprecated");
        String separator = ": use ";
        for (String replacement : deprecation.replacements()) {
            h.raw(separator).raw(replacementLink(replacement));
            separator = ", ";
        }
        h.raw("</p>\n");
    }

    /** {@code CIM_X.Member} as a link to the member's row on CIM_X's page, {@code CIM_X} to the page. */
    private String replacementLink(String replacement) {
        int dot = replacement.indexOf('.');
        String className = dot < 0 ? replacement : replacement.substring(0, dot);
        if (!model.documents(className)) {
            return Html.escape(replacement);
        }
        String href = Html.escape(model.spelling(className)) + ".html";
        if (dot >= 0) {
            String member = replacement.substring(dot + 1).replace("()", "").strip();
            CimClass target = model.classOf(className);
            if (target.property(member).isPresent()) {
                href += "#p-" + Html.escape(target.property(member).get().name().spelling());
            } else if (target.method(member).isPresent()) {
                href += "#m-" + Html.escape(target.method(member).get().name().spelling());
            }
        }
        return "<a href=\"" + href + "\">" + Html.escape(replacement) + "</a>";
    }

    private void classList(Html h, List<String> names, String listTag) {
        if (names.isEmpty()) {
            h.raw("<p class=\"none\">none</p>\n");
            return;
        }
        h.raw("<").raw(listTag).raw(" class=\"classes\">\n");
        for (String name : names) {
            h.raw("<li>").raw(link(name)).raw("</li>\n");
        }
        h.raw("</").raw(listTag).raw(">\n");
    }

    private void referrers(Html h, List<Referrer> referrers) {
        if (referrers.isEmpty()) {
            h.raw("<p class=\"none\">none</p>\n");
            return;
        }
        h.raw("<ul class=\"referrers\">\n");
        for (Referrer r : referrers) {
            h.raw("<li>").raw(link(r.className())).raw(".").text(r.member());
            if (r.association()) {
                h.raw(" <span class=\"marker association\">association</span>");
            }
            h.raw("</li>\n");
        }
        h.raw("</ul>\n");
    }

    private void properties(Html h, Map<PropertyGroup, List<Member>> groups) {
        h.raw("<div class=\"table-wrap\"><table class=\"properties\">\n<thead><tr><th>Name</th><th>Type</th>"
                + "<th>Range</th><th>Description</th><th>Class origin</th></tr></thead>\n");
        for (Map.Entry<PropertyGroup, List<Member>> group : groups.entrySet()) {
            String id = group.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            h.raw("<tbody class=\"group ").raw(id).raw("\">\n<tr class=\"group\"><th colspan=\"5\" scope=\"rowgroup\">")
                    .text(group.getKey().title()).raw("</th></tr>\n");
            if (group.getValue().isEmpty()) {
                h.raw("<tr><td colspan=\"5\" class=\"none\">none</td></tr>\n");
            }
            for (Member p : group.getValue()) {
                h.raw("<tr id=\"p-").text(p.name()).raw("\"><td class=\"name\">").text(p.name()).raw("</td><td>");
                type(h, p.type());
                h.raw("</td><td class=\"range\">");
                range(h, p);
                h.raw("</td><td>");
                memberDescription(h, p);
                h.raw("</td><td>").raw(link(p.origin()));
                if (p.overriddenIn() != null) {
                    h.raw("<br/><span class=\"override\">overridden in ").raw(link(p.overriddenIn())).raw("</span>");
                }
                h.raw("</td></tr>\n");
            }
            h.raw("</tbody>\n");
        }
        h.raw("</table></div>\n");
    }

    private void type(Html h, TypeText type) {
        if (type.linkedClass() == null) {
            h.raw("<code>").text(type.text()).raw("</code>");
        } else if (type.text().contains(type.linkedClass())) {
            // A REF type: the class name inside the MOF spelling becomes the link.
            int at = type.text().indexOf(type.linkedClass());
            h.raw("<code>").text(type.text().substring(0, at)).raw(link(type.linkedClass()))
                    .text(type.text().substring(at + type.linkedClass().length())).raw("</code>");
        } else {
            h.raw("<code>").text(type.text()).raw("</code> <span class=\"embedded\">(").raw(link(type.linkedClass()))
                    .raw(")</span>");
        }
    }

    private static void range(Html h, Member m) {
        if (m.range().isEmpty() && m.values().isEmpty()) {
            h.raw("-");
            return;
        }
        if (!m.range().isEmpty()) {
            h.raw("<span class=\"bounds\">").text(m.range()).raw("</span>");
        }
        if (!m.values().isEmpty()) {
            valueTable(h, m.values(), "valuemap", "Value", "Meaning", false);
        }
    }

    /** A ValueMap table; return codes put the label first, as the vendor page does. */
    private static void valueTable(Html h, List<ValueRow> rows, String cssClass, String valueHead, String labelHead,
                                   boolean labelFirst) {
        h.raw("<table class=\"").raw(cssClass).raw("\"><thead><tr><th>")
                .text(labelFirst ? labelHead : valueHead).raw("</th><th>").text(labelFirst ? valueHead : labelHead)
                .raw("</th></tr></thead><tbody>");
        for (ValueRow row : rows) {
            h.raw("<tr>");
            if (labelFirst) {
                h.raw("<td>").text(row.label()).raw("</td>");
            }
            h.raw("<td class=\"value").raw(row.range() ? " range" : "").raw("\"><code>").text(row.value())
                    .raw("</code></td>");
            if (!labelFirst) {
                h.raw("<td>").text(row.label()).raw("</td>");
            }
            h.raw("</tr>");
        }
        h.raw("</tbody></table>");
    }

    private void memberDescription(Html h, Member m) {
        deprecation(h, m.deprecation());
        h.description(m.description());
        StringBuilder notes = new StringBuilder();
        if (m.required()) {
            notes.append("<span class=\"note\">Required</span> ");
        }
        if (!m.units().isEmpty()) {
            notes.append("<span class=\"note\">Units: ").append(Html.escape(m.units())).append("</span> ");
        }
        if (!m.defaultValue().isEmpty()) {
            notes.append("<span class=\"note\">Default: <code>").append(Html.escape(m.defaultValue()))
                    .append("</code></span> ");
        }
        if (!notes.isEmpty()) {
            h.raw("<p class=\"notes\">").raw(notes.toString().strip()).raw("</p>");
        }
    }

    private void methods(Html h, List<MethodEntry> methods) {
        if (methods.isEmpty()) {
            h.raw("<p class=\"none\">none</p>\n");
            return;
        }
        h.raw("<div class=\"table-wrap\"><table class=\"method-summary\">\n<thead><tr><th>Name</th><th>Description</th>"
                + "<th>Class origin</th></tr></thead>\n<tbody>\n");
        for (MethodEntry m : methods) {
            h.raw("<tr><td class=\"name\"><a href=\"#m-").text(m.name()).raw("\">").text(m.name()).raw("</a></td><td>")
                    .text(Html.summary(m.description())).raw("</td><td>").raw(link(m.origin())).raw("</td></tr>\n");
        }
        h.raw("</tbody>\n</table></div>\n<h2 id=\"method-detail\">Method Detail</h2>\n");
        for (MethodEntry m : methods) {
            method(h, m);
        }
    }

    private void method(Html h, MethodEntry m) {
        h.raw("<section class=\"method\" id=\"m-").text(m.name()).raw("\">\n<h3>").text(m.name()).raw("</h3>\n");
        h.raw("<p class=\"signature\">");
        if (m.isStatic()) {
            h.raw("<span class=\"marker static\">static</span> ");
        }
        h.raw("returns ");
        type(h, m.returnType());
        h.raw("; declared in ").raw(link(m.origin()));
        if (m.overriddenIn() != null) {
            h.raw(", overridden in ").raw(link(m.overriddenIn()));
        }
        h.raw("</p>\n");
        deprecation(h, m.deprecation());
        h.description(m.description());
        h.raw("<h4>Parameters</h4>\n");
        if (m.in().isEmpty() && m.out().isEmpty() && m.inOut().isEmpty()) {
            h.raw("<p class=\"none\">none</p>\n");
        } else {
            h.raw("<div class=\"table-wrap\"><table class=\"parameters\">\n<thead><tr><th>Name</th><th>Type</th>"
                    + "<th>Range</th><th>Description</th></tr></thead>\n");
            parameterGroup(h, "In", "in", m.in());
            parameterGroup(h, "Out", "out", m.out());
            parameterGroup(h, "In and out", "in-out", m.inOut());
            h.raw("</table></div>\n");
        }
        h.raw("<h4>Return codes</h4>\n<div class=\"table-wrap\">");
        if (m.returnCodes().isEmpty()) {
            h.raw("<table class=\"return-codes\"><thead><tr><th>Return code</th><th>Value</th></tr></thead><tbody>"
                    + "<tr><td colspan=\"2\" class=\"none\">not enumerated in the MOF (no ValueMap on the method)"
                    + "</td></tr></tbody></table>");
        } else {
            valueTable(h, m.returnCodes(), "return-codes", "Value", "Return code", true);
        }
        h.raw("</div>\n</section>\n");
    }

    private void parameterGroup(Html h, String title, String cssClass, List<Member> parameters) {
        if (parameters.isEmpty()) {
            return;
        }
        h.raw("<tbody class=\"group ").raw(cssClass).raw("\">\n<tr class=\"group\"><th colspan=\"4\" scope=\"rowgroup\">")
                .text(title).raw("</th></tr>\n");
        for (Member p : parameters) {
            h.raw("<tr><td class=\"name\">").text(p.name()).raw("</td><td>");
            type(h, p.type());
            h.raw("</td><td class=\"range\">");
            range(h, p);
            h.raw("</td><td>");
            memberDescription(h, p);
            h.raw("</td></tr>\n");
        }
        h.raw("</tbody>\n");
    }

    /** A link to the class's page when the reference has one; the bare name otherwise. */
    private String link(String className) {
        String name = Html.escape(className);
        if (!model.documents(className)) {
            return name;
        }
        return "<a href=\"" + Html.escape(model.spelling(className)) + ".html\">" + name + "</a>";
    }
}
