package org.cimforge.runtime.server.dispatch;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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

    private static final Map<String, Set<String>> NAMES = Map.ofEntries(
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

    /** The boolean parameters, lower case: their values must be TRUE or FALSE wherever they appear. */
    static final Set<String> BOOLEANS = Set.of("localonly", "deepinheritance", "includequalifiers",
            "includeclassorigin", "continueonerror", "returnqueryresultclass");

    private IntrinsicParameters() {
    }

    /** The lower-case parameter names of an operation, or null for an operation not in the table. */
    static Set<String> of(String operation) {
        return NAMES.get(operation.toLowerCase(Locale.ROOT));
    }

    private static Map.Entry<String, Set<String>> entry(String operation, String... names) {
        return Map.entry(operation.toLowerCase(Locale.ROOT),
                Stream.of(names).map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
    }

    private static String[] join(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
