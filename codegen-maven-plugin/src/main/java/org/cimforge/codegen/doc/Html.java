package org.cimforge.codegen.doc;

import org.cimforge.codegen.doc.ClassPage.Marker;

/**
 * A small HTML writer over a StringBuilder: escaping of every text and attribute, the page frame shared by
 * all pages, and MOF descriptions as paragraphs. Output is also well-formed XML (void elements closed,
 * only the XML character entities), which the tests rely on to check the pages.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(8192);

    /** Text with {@code & < > " '} escaped, safe in element content and in quoted attributes. */
    static String escape(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            // Characters XML forbids (other control characters) are dropped rather than written.
            boolean forbidden = c < 0x20 && c != '\n' && c != '\t' && c != '\r';
            if (replacement != null || forbidden) {
                if (b == null) {
                    b = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                if (replacement != null) {
                    b.append(replacement);
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Opens a page: doctype, head with title, stylesheet and the navigation bar. */
    Html begin(String title, String root, String extraNav) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                // An empty icon: browsers would otherwise ask for /favicon.ico, which a static site does not have.
                .append("<link rel=\"icon\" href=\"data:,\"/>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(root).append("style.css\"/>\n")
                .append("</head>\n<body>\n<nav class=\"top\"><a href=\"").append(root).append("index.html\">Index</a>")
                .append(" <a href=\"").append(root).append("tree.html\">Tree</a>").append(extraNav)
                .append("</nav>\n<main>\n");
        return this;
    }

    Html end(String scripts) {
        out.append("</main>\n").append(scripts).append("</body>\n</html>\n");
        return this;
    }

    /** A description as paragraphs: a blank line separates paragraphs, a single line break stays a break. */
    Html description(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            out.append("<p class=\"none\">No description.</p>\n");
            return this;
        }
        for (String paragraph : trimmed.split("\\n\\s*\\n")) {
            String[] lines = paragraph.strip().split("\\n");
            out.append("<p>");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("<br/>");
                }
                out.append(escape(lines[i].strip()));
            }
            out.append("</p>\n");
        }
        return this;
    }

    /** Marker badges such as {@code abstract} and {@code association}. */
    Html markers(Iterable<Marker> markers) {
        for (Marker m : markers) {
            out.append(" <span class=\"marker ").append(m.label()).append("\">").append(m.label()).append("</span>");
        }
        return this;
    }

    /** The first sentence of a description (at most 200 characters), for the index and search results. */
    static String summary(String description) {
        String text = description.strip().replaceAll("\\s+", " ");
        int end = text.indexOf(". ");
        if (end >= 0) {
            text = text.substring(0, end + 1);
        }
        return text.length() > 200 ? text.substring(0, 199) + "\u2026" : text;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
