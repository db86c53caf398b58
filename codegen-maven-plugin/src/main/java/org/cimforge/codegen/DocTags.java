package org.cimforge.codegen;

import java.util.Map;

/**
 * Javadoc block tags of generated methods ({@code @param}, {@code @return}, {@code @throws}), so that javac's
 * {@code -Xdoclint:missing} finds nothing undocumented in generated code. Parameters with the same name mean the same
 * thing everywhere in the output, so their text is kept here once.
 */
final class DocTags {
    static final String THIS_BUILDER = "this builder";
    static final String WBEM_EXCEPTION = "@throws WBEMException when the operation fails, with its CIM status code\n";
    private static final Map<String, String> PARAMS = Map.ofEntries(
            Map.entry("value", "the value, null for NULL"),
            Map.entry("constant", "the ValueMap constant (typically a range) that covers the number"),
            Map.entry("number", "the exact number"),
            Map.entry("entries", "one record per index; null sets every array of the group to NULL"),
            Map.entry("context", "the namespace and caller of the request"),
            Map.entry("target", "the object path the method is invoked on"),
            Map.entry("args", "the IN parameters"),
            Map.entry("timeout", "how long to wait for the job at most"),
            Map.entry("provider", "the provider whose typed method is called"),
            Map.entry("methodName", "the CIM method name, in any case"),
            Map.entry("in", "the IN arguments as received"),
            Map.entry("out", "receives the OUT arguments"),
            Map.entry("client", "the JSR48 client the calls go through"),
            Map.entry("namespace", "the namespace to address, null for none"),
            Map.entry("instance", "the received instance"),
            Map.entry("cimClass", "the schema facts of the class to build"),
            Map.entry("arguments", "the received arguments, null for none"),
            Map.entry("returnValue", "the JSR48 return value, null for none"),
            Map.entry("outArguments", "the JSR48 OUT arguments, null for none"),
            Map.entry("raw", "a number of any width, or a string"),
            Map.entry("valueMap", "the generated ValueMap enum to read through"),
            Map.entry("<E>", "the ValueMap enum type"));

    private DocTags() {
    }

    /**
     * {@code @param} lines for the parameters in order (a known name gets its standard text; {@code "name text"}
     * gives its own), then {@code @return returns} unless it is null.
     */
    static String of(String returns, String... params) {
        StringBuilder out = new StringBuilder("\n");
        for (String p : params) {
            int space = p.indexOf(' ');
            String name = space < 0 ? p : p.substring(0, space);
            String text = space < 0 ? PARAMS.get(p) : p.substring(space + 1);
            if (text == null) {
                throw new IllegalArgumentException("no standard text for parameter " + p);
            }
            out.append("@param ").append(name).append(' ').append(text).append('\n');
        }
        if (returns != null) {
            out.append("@return ").append(returns).append('\n');
        }
        return out.toString();
    }
}
