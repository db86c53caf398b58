package org.cimforge.mof;

import java.util.Arrays;

/** The decoded text of one MOF file, with the line lookup that diagnostics need for their excerpt. */
public final class SourceText {
    private final String path;
    private final String content;
    private volatile int[] lineStarts;

    public SourceText(String path, String content) {
        this.path = path;
        this.content = content;
    }

    public String path() {
        return path;
    }

    public String content() {
        return content;
    }

    /** The text of a 1-based line without its line terminator, or null when the line does not exist. */
    public String line(int line) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) {
            return null;
        }
        int start = starts[line - 1];
        int end = line < starts.length ? starts[line] : content.length();
        while (end > start && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
            end--;
        }
        return content.substring(start, end);
    }

    // Computed on first use only: most files never produce a diagnostic.
    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts == null) {
            int[] found = new int[64];
            int count = 0;
            found[count++] = 0;
            for (int i = 0; i < content.length(); i++) {
                char c = content.charAt(i);
                boolean lineEnd = c == '\n' || (c == '\r' && (i + 1 >= content.length() || content.charAt(i + 1) != '\n'));
                if (lineEnd && i + 1 < content.length()) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i + 1;
                }
            }
            starts = Arrays.copyOf(found, count);
            lineStarts = starts;
        }
        return starts;
    }
}
