package org.cimforge.sample;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key and list item of a configuration file is, by path ({@code systems[0].pools[1].size}), so that
 * errors found after parsing (missing keys, what the array refuses) point at the right line.
 */
public final class SampleConfigPositions {
    private final String source;
    private final Map<String, JsonLocation> locations = new HashMap<>();

    private SampleConfigPositions(String source) {
        this.source = source;
    }

    /**
     * Reads {@code text} once as a token stream and notes the start of every key and list item.
     *
     * @return the positions, or null when the text holds no document at all
     * @throws IOException a syntax error, with its location
     */
    static SampleConfigPositions index(String source, JsonFactory factory, String text) throws IOException {
        SampleConfigPositions positions = new SampleConfigPositions(source);
        // One frame per open container: the path to it, and the index of the next item when it is a list.
        Deque<String> paths = new ArrayDeque<>();
        Deque<int[]> indexes = new ArrayDeque<>();
        String pending = "";
        try (JsonParser p = factory.createParser(text)) {
            JsonToken token = p.nextToken();
            if (token == null) {
                return null;
            }
            for (; token != null; token = p.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    pending = join(paths.peek(), p.currentName());
                    positions.locations.put(pending, p.currentTokenLocation());
                    continue;
                }
                if (token.isStructEnd()) {
                    paths.pop();
                    indexes.pop();
                    continue;
                }
                String path = pending;
                int[] listIndex = indexes.peek();
                if (listIndex != null && listIndex[0] >= 0) {
                    path = paths.peek() + "[" + listIndex[0]++ + "]";
                    positions.locations.put(path, p.currentTokenLocation());
                } else if (paths.isEmpty()) {
                    positions.locations.put("", p.currentTokenLocation());
                }
                if (token.isStructStart()) {
                    paths.push(path);
                    indexes.push(new int[] {token == JsonToken.START_ARRAY ? 0 : -1});
                }
            }
        }
        return positions;
    }

    private static String join(String parent, String name) {
        return parent == null || parent.isEmpty() ? name : parent + "." + name;
    }

    /** The file name the positions refer to. */
    public String source() {
        return source;
    }

    /** {@code FILE:line:col} of the key or list item at {@code path} ("" is the document), else just {@code FILE}. */
    public String of(String path) {
        return at(source, locations.get(path));
    }

    /** Like {@link #of(String)}, falling back to {@code fallback} for a path the file does not contain. */
    String of(String path, JsonLocation fallback) {
        JsonLocation known = locations.get(path);
        return at(source, known != null ? known : fallback);
    }

    static String at(String source, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return source;
        }
        return source + ":" + location.getLineNr() + ":" + Math.max(1, location.getColumnNr());
    }
}
