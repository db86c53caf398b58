package org.cimforge.codegen.doc;

import java.util.ArrayList;
import java.util.List;
import org.cimforge.mof.model.CimClass;

/**
 * Renders {@code tree.html}: the inheritance hierarchy of the documented classes twice, as a nested list (for
 * reading and for screen readers) and as an SVG picture (an indented tree with connector lines, each name a link).
 */
final class TreeRenderer {
    private static final int ROW = 20;
    private static final int INDENT = 18;
    private static final double CHAR_WIDTH = 7.5;

    private TreeRenderer() {
    }

    /** One class in the drawing: its row, its depth, and the rows of its direct subclasses. */
    private record Node(CimClass cimClass, int row, int depth, List<Integer> childRows) {
    }

    static String render(PageModel model, String title) {
        Html h = new Html().begin("Inheritance tree - " + title, "",
                " <a href=\"#list\">List</a> <a href=\"#picture\">Picture</a>");
        h.raw("<h1>Inheritance tree</h1>\n<section id=\"list\">\n<h2>As a list</h2>\n<ul class=\"tree\">\n");
        for (CimClass root : model.roots()) {
            listItem(h, model, root);
        }
        h.raw("</ul>\n</section>\n<section id=\"picture\">\n<h2>As a picture</h2>\n<div class=\"svg-wrap\">\n");
        svg(h, model);
        h.raw("</div>\n</section>\n");
        return h.end("").toString();
    }

    private static void listItem(Html h, PageModel model, CimClass c) {
        String name = c.name().spelling();
        h.raw("<li><a href=\"classes/").text(name).raw(".html\">").text(name).raw("</a>").markers(PageModel.markers(c));
        List<String> children = model.subclassesOf(c.name());
        if (!children.isEmpty()) {
            h.raw("\n<ul>\n");
            for (String child : children) {
                listItem(h, model, model.classOf(child));
            }
            h.raw("</ul>\n");
        }
        h.raw("</li>\n");
    }

    private static void svg(Html h, PageModel model) {
        List<Node> nodes = new ArrayList<>();
        for (CimClass root : model.roots()) {
            layout(model, root, 0, nodes);
        }
        int width = 0;
        for (Node n : nodes) {
            width = Math.max(width, (int) Math.ceil(n.depth() * INDENT + 14 + n.cimClass().name().spelling().length()
                    * CHAR_WIDTH));
        }
        width += 20;
        int height = nodes.size() * ROW + 10;
        h.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tree\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" role=\"img\" aria-label=\"Inheritance tree of "
                + nodes.size() + " classes\">\n");
        StringBuilder path = new StringBuilder();
        for (Node n : nodes) {
            if (n.childRows().isEmpty()) {
                continue;
            }
            int x = n.depth() * INDENT + 5;
            int last = n.childRows().get(n.childRows().size() - 1);
            path.append('M').append(x).append(' ').append(n.row() * ROW + 16).append('V').append(last * ROW + 10);
            for (int row : n.childRows()) {
                path.append('M').append(x).append(' ').append(row * ROW + 10).append('H').append(x + INDENT - 2);
            }
        }
        if (!path.isEmpty()) {
            h.raw("<path class=\"edges\" d=\"").raw(path.toString()).raw("\"/>\n");
        }
        for (Node n : nodes) {
            String name = n.cimClass().name().spelling();
            h.raw("<a href=\"classes/").text(name).raw(".html\"><text x=\"" + (n.depth() * INDENT + 14) + "\" y=\""
                    + (n.row() * ROW + 15) + "\"" + (n.cimClass().isAbstract() ? " class=\"abstract\"" : "") + ">")
                    .text(name).raw("</text></a>\n");
        }
        h.raw("</svg>\n");
    }

    /** Pre-order layout: a class on its row, its subclasses on the rows below, one level deeper. */
    private static void layout(PageModel model, CimClass c, int depth, List<Node> nodes) {
        Node node = new Node(c, nodes.size(), depth, new ArrayList<>());
        nodes.add(node);
        for (String child : model.subclassesOf(c.name())) {
            node.childRows().add(nodes.size());
            layout(model, model.classOf(child), depth + 1, nodes);
        }
    }
}
