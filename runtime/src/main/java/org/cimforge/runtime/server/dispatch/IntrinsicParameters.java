package org.cimforge.runtime.server.dispatch;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The IPARAMVALUE names DSP0200 defines for each intrinsic operation this server runs. A name outside its
 * operation's list is CIM_ERR_INVALID_PARAMETER: a misspelt {@code PropertyLists} would otherwise be ignored and the
 * client given every property without a word.
 */
final class IntrinsicParameters {
    private static final String[] OPEN = {"FilterQueryLanguage", "FilterQuery", "OperationTimeout", "ContinueOnError",
        "MaxObjectCount"};
    private static final String[] ASSOC = {"AssocClass", "ResultClass", "Role", "ResultRole"};
    private static final String[] REF = {"ResultClass", "Role"};
    private static final String[] READ = {"IncludeQualifiers", "IncludeClassOrigin", "PropertyList"};

    private static final Map<String, Set<String>> NAMES = byNameIgnoringCase(
            entry("GetClass", "ClassName", "LocalOnly", "IncludeQualifiers", "IncludeClassOrigin", "PropertyList"),
            entry("EnumerateClasses", "ClassName", "DeepInheritance", "LocalOnly", "IncludeQualifiers",
                    "IncludeClassOrigin"),
            entry("EnumerateClassNames", "ClassName", "DeepInheritance"),
            entry("GetInstance", join(READ, "InstanceName", "LocalOnly")),
            entry("EnumerateInstances", join(READ, "ClassName", "LocalOnly", "DeepInheritance")),
            entry("EnumerateInstanceNames", "ClassName"),
            entry("CreateInstance", "NewInstance"),
            entry("ModifyInstance", "ModifiedInstance", "IncludeQualifiers", "PropertyList"),
            entry("DeleteInstance", "InstanceName"),
            entry("GetProperty", "InstanceName", "PropertyName"),
            entry("SetProperty", "InstanceName", "PropertyName", "NewValue"),
            entry("Associators", join(join(READ, ASSOC), "ObjectName")),
            entry("AssociatorNames", join(ASSOC, "ObjectName")),
            entry("References", join(join(READ, REF), "ObjectName")),
            entry("ReferenceNames", join(REF, "ObjectName")),
            entry("GetQualifier", "QualifierName"),
            entry("EnumerateQualifiers"),
            entry("ExecQuery", "QueryLanguage", "Query"),
            entry("OpenEnumerateInstances", join(OPEN, "ClassName", "DeepInheritance", "IncludeClassOrigin",
                    "PropertyList")),
            entry("OpenEnumerateInstancePaths", join(OPEN, "ClassName")),
            entry("OpenAssociatorInstances", join(join(OPEN, ASSOC), "InstanceName", "IncludeClassOrigin",
                    "PropertyList")),
            entry("OpenAssociatorInstancePaths", join(join(OPEN, ASSOC), "InstanceName")),
            entry("OpenReferenceInstances", join(join(OPEN, REF), "InstanceName", "IncludeClassOrigin",
                    "PropertyList")),
            entry("OpenReferenceInstancePaths", join(join(OPEN, REF), "InstanceName")),
            entry("OpenQueryInstances", join(OPEN, "ReturnQueryResultClass")),
            entry("PullInstancesWithPath", "EnumerationContext", "MaxObjectCount"),
            entry("PullInstancePaths", "EnumerationContext", "MaxObjectCount"),
            entry("PullInstances", "EnumerationContext", "MaxObjectCount"),
            entry("CloseEnumeration", "EnumerationContext"),
            entry("EnumerationCount", "EnumerationContext"));

    /** The boolean parameters (a set ignoring case): their values must be TRUE or FALSE wherever they appear. */
    static final Set<String> BOOLEANS = ignoringCase("LocalOnly", "DeepInheritance", "IncludeQualifiers",
            "IncludeClassOrigin", "ContinueOnError", "ReturnQueryResultClass");

    private IntrinsicParameters() {
    }

    @SafeVarargs
    private static Map<String, Set<String>> byNameIgnoringCase(Map.Entry<String, Set<String>>... entries) {
        TreeMap<String, Set<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, Set<String>> e : entries) {
            map.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(map);
    }

    /** The table's operation names in lower case, looked up ignoring case. */
    private static final Map<String, String> LOWER_CASE = lowerCase(NAMES.keySet());

    private static Map<String, String> lowerCase(Set<String> names) {
        TreeMap<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String n : names) {
            map.put(n, n.toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * An operation name in lower case, for a switch: the same string object each time for the table's operations (so
     * its hash is computed once), a fresh lower-cased copy for any other.
     */
    static String lowerCaseName(String operation) {
        String known = LOWER_CASE.get(operation);
        return known != null ? known : operation.toLowerCase(Locale.ROOT);
    }

    /** The parameter names of an operation (a set ignoring case), or null for an operation not in the table. */
    static Set<String> of(String operation) {
        return NAMES.get(operation);
    }

    private static Map.Entry<String, Set<String>> entry(String operation, String... names) {
        return Map.entry(operation, ignoringCase(names));
    }

    /**
     * Names are looked up as the client spells them: sorted sets and maps ignoring case need no lower-cased copy of
     * each name per request, which was a tenth of the server's CPU for a small request (with the other look-ups).
     */
    private static Set<String> ignoringCase(String... names) {
        TreeSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return Collections.unmodifiableSet(set);
    }

    private static String[] join(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
