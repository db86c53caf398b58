package org.cimforge.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Conversions of CIM names and Values labels to Java naming conventions. */
final class JavaCase {

    private JavaCase() {
    }

    /** Words of a name: split at non-alphanumerics and at lower-to-upper and acronym boundaries. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || !Character.isLetterOrDigit(c)) {
                flush(word, words);
                continue;
            }
            if (word.length() > 0 && Character.isUpperCase(c)) {
                char prev = word.charAt(word.length() - 1);
                boolean nextLower = i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1));
                // "SyncState" splits before S; "IPAddress" splits before the A of "Address".
                if (Character.isLowerCase(prev) || Character.isDigit(prev) && nextLower
                        || Character.isUpperCase(prev) && nextLower) {
                    flush(word, words);
                }
            }
            word.append(c);
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /** UPPER_SNAKE for enum constants: {@code "Job Started"} becomes {@code JOB_STARTED}. */
    static String constant(String text) {
        return String.join("_", words(text)).toUpperCase(Locale.ROOT);
    }

    /** lowerCamel for members: {@code SyncState} becomes {@code syncState}, {@code IPAddress} {@code ipAddress}. */
    static String lowerCamel(String cimName) {
        StringBuilder out = new StringBuilder();
        for (String w : words(cimName)) {
            out.append(out.length() == 0 ? w.toLowerCase(Locale.ROOT) : capitalize(w));
        }
        return out.toString();
    }

    /** UpperCamel for types, keeping the CIM spelling of each word: {@code StorageSynchronized}. */
    static String upperCamel(String cimName) {
        StringBuilder out = new StringBuilder();
        for (String w : words(cimName)) {
            out.append(capitalize(w));
        }
        return out.toString();
    }

    private static String capitalize(String word) {
        if (word.chars().allMatch(ch -> Character.isUpperCase(ch) || Character.isDigit(ch)) && word.length() > 1) {
            // Keep acronyms readable but conventional: "IP" becomes "Ip".
            return word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
