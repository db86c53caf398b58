package org.cimforge.mof.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Every class name declared anywhere in the corpus, found by a plain text scan (independent of the compiler). */
final class CorpusIndex {
    private static final Pattern CLASS_DECLARATION = Pattern.compile("(?im)^[ \\t\\]]*class\\s+(\\w+)");
    private static Set<String> declared;

    private CorpusIndex() {
    }

    static synchronized boolean declaresClass(String name) {
        if (declared == null) {
            declared = scan();
        }
        return declared.contains(name.toLowerCase(Locale.ROOT));
    }

    private static Set<String> scan() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Corpus.root())) {
            files.filter(p -> p.toString().endsWith(".mof") || p.toString().endsWith(".mof.in")).forEach(p -> {
                try {
                    Matcher m = CLASS_DECLARATION.matcher(Files.readString(p, StandardCharsets.ISO_8859_1));
                    while (m.find()) {
                        names.add(m.group(1).toLowerCase(Locale.ROOT));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
