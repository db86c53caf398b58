package org.cimforge.codegen.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text templates of a project written by {@code init} ({@code pom.xml.template}, {@code Main.java.template}, ...,
 * resources next to this class), filled by replacing {@code {{name}}} placeholders; {@code {{v.x}}} is the version
 * {@code x} of {@code versions.properties}, which the plugin's build fills from its own versions.
 */
final class ProjectTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_.-]+)}}");

    private final Properties versions = new Properties();

    ProjectTemplates() {
        try (InputStream in = resource("versions.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version {@code name} from versions.properties. */
    String version(String name) {
        String v = versions.getProperty(name);
        if (v == null) {
            throw new IllegalStateException("versions.properties lacks " + name);
        }
        return v;
    }

    /** The template {@code name} with every placeholder replaced; an unknown placeholder is a bug, so it throws. */
    String fill(String name, Map<String, String> values) {
        String text;
        try (InputStream in = resource(name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = key.startsWith("v.") ? version(key.substring(2)) : values.get(key);
            if (value == null) {
                throw new IllegalStateException("template " + name + ": no value for {{" + key + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static InputStream resource(String name) {
        InputStream in = ProjectTemplates.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the plugin lacks its resource " + name);
        }
        return in;
    }
}
