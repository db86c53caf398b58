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
        // Scanned by hand rather than with regular expressions: this runs for every member of every page.
        boolean open = false;
        boolean any = false;
        int lineStart = 0;
        int length = text.length();
        while (lineStart <= length) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = length;
            }
            String line = text.substring(lineStart, lineEnd).strip();
            if (line.isEmpty()) {
                if (open) {
                    out.append("</p>\n");
                    open = false;
                }
            } else {
                out.append(open ? "<br/>" : "<p>");
                out.append(escape(line));
                open = true;
                any = true;
            }
            lineStart = lineEnd + 1;
        }
        if (open) {
            out.append("</p>\n");
        }
        if (!any) {
            out.append("<p class=\"none\">No description.</p>\n");
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
        StringBuilder b = new StringBuilder(Math.min(description.length(), 210));
        boolean space = false;
        for (int i = 0; i < description.length() && b.length() < 210; i++) {
            char c = description.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                // A full stop followed by white space ends the first sentence.
                if (b.charAt(b.length() - 1) == '.') {
                    break;
                }
                b.append(' ');
                space = false;
            }
            b.append(c);
        }
        return b.length() > 200 ? b.substring(0, 199) + "\u2026" : b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
