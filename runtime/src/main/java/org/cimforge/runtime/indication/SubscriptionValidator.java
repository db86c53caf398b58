package org.cimforge.runtime.indication;

import static org.cimforge.runtime.indication.InteropProperties.invalid;
import static org.cimforge.runtime.indication.InteropProperties.keyProperty;
import static org.cimforge.runtime.indication.InteropProperties.string;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cimforge.mof.model.CimClass;
import org.cimforge.runtime.query.Query;
import org.cimforge.runtime.query.QueryException;
import org.cimforge.runtime.query.QueryLanguage;
import org.cimforge.runtime.spi.CimClassRepository;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The rules for what clients create in the interop namespace: a filter's query, language and source namespaces; a
 * destination's class, protocol and listener URL; the keys of both; and the states and policies a subscription may
 * take. Reads the class repository only, so it holds no lock and changes nothing.
 */
final class SubscriptionValidator {
    private static final String SYSTEM_CLASS = "CIM_ComputerSystem";
    private static final int PERSISTENCE_TRANSIENT = 3;

    private final CimClassRepository repository;
    private final String namespace;
    private final String systemName;

    SubscriptionValidator(CimClassRepository repository, String namespace, String systemName) {
        this.repository = repository;
        this.namespace = namespace;
        this.systemName = systemName;
    }

    /** A filter instance checked and parsed: its query, language and source namespaces. */
    FilterEntry filterEntry(CIMInstance filter) throws WBEMException {
        String language = string(filter, "QueryLanguage");
        String text = string(filter, "Query");
        if (language == null || language.isBlank()) {
            throw invalid("QueryLanguage is required (WQL or DMTF:CQL)");
        }
        QueryLanguage lang = QueryLanguage.byName(language);
        if (lang == null) {
            throw new WBEMException(WBEMException.CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED, "query language '" + language
                    + "' is not supported; use WQL, DMTF:CQL or CIM:CQL");
        }
        if (text == null || text.isBlank()) {
            throw invalid("Query is required");
        }
        Query query;
        try {
            query = Query.parse(text, lang);
        } catch (QueryException e) {
            throw invalid("Query is not valid " + lang.standardName() + " at column " + e.column() + ": "
                    + e.reason());
        }
        List<String> sources = sourceNamespaces(filter);
        requireIndicationClass(query.fromClass(), sources);
        return new FilterEntry(filter, query, sources);
    }

    private List<String> sourceNamespaces(CIMInstance filter) throws WBEMException {
        List<String> result = new ArrayList<>();
        Object many = InteropKeys.value(filter.getProperties(), "SourceNamespaces");
        if (many instanceof Object[] array) {
            for (Object o : array) {
                if (o != null && !o.toString().isBlank()) {
                    result.add(o.toString());
                }
            }
        }
        String one = string(filter, "SourceNamespace");
        if (one != null && !one.isBlank()) {
            result.add(one);
        }
        List<String> normalized = new ArrayList<>();
        for (String ns : result) {
            String n = FilterEntry.normalize(ns);
            if (repository.canonicalNamespace(n) == null) {
                throw invalid("source namespace '" + ns + "' is not served by this server");
            }
            if (!normalized.contains(n)) {
                normalized.add(n);
            }
        }
        return normalized;
    }

    /** A filter whose FROM names no indication class it could ever see would wait forever: refuse it. */
    private void requireIndicationClass(String className, List<String> sources) throws WBEMException {
        List<String> candidates = new ArrayList<>();
        candidates.add(namespace);
        if (sources.isEmpty()) {
            candidates.addAll(repository.namespaces());
        } else {
            for (String s : sources) {
                candidates.add(repository.canonicalNamespace(s));
            }
        }
        boolean known = false;
        for (String ns : candidates) {
            CimClass c = repository.modelClass(ns, className);
            if (c != null && c.isIndication()) {
                return;
            }
            known |= c != null;
        }
        throw invalid(known ? className + " in FROM is not an indication class"
                : "the indication class " + className + " in FROM is not known to this server");
    }

    /** Refuses an abstract destination class and any protocol but CIM-XML. */
    void checkDestination(CIMInstance given) throws WBEMException {
        CimClass c = repository.modelClass(namespace, given.getClassName());
        if (c == null || c.isAbstract()) {
            throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED, "create a "
                    + SubscriptionRegistry.CIMXML_DESTINATION_CLASS + ", not the abstract " + given.getClassName());
        }
        Object protocol = InteropKeys.value(given.getProperties(), "Protocol");
        if (protocol instanceof Number n && n.intValue() != 2) {
            throw invalid("Protocol " + n + " is not supported; this server delivers CIM-XML (2) only");
        }
    }

    /** Whether a destination asked not to outlive the server (PersistenceType 3, Transient). */
    static boolean transientDestination(DestinationEntry d) {
        Object p = InteropKeys.value(d.instance().getProperties(), "PersistenceType");
        return p instanceof Number n && n.intValue() == PERSISTENCE_TRANSIENT;
    }

    /** The listener URL of a destination: http or https; without a scheme http is assumed. */
    static URI url(CIMInstance destination) throws WBEMException {
        String text = string(destination, "Destination");
        if (text == null || text.isBlank()) {
            throw invalid("Destination is required (the listener URL, such as http://host:5990)");
        }
        String t = text.trim();
        if (!t.contains("://")) {
            t = "http://" + t;
        }
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            throw invalid("Destination '" + text + "' is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("Destination '" + text + "' must be an http or https URL");
        }
        if (uri.getHost() == null) {
            throw invalid("Destination '" + text + "' names no host");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        try {
            return new URI(scheme + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                    + (uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]"
                    : uri.getHost()) + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            throw invalid("Destination '" + text + "' is not a URL: " + e.getMessage());
        }
    }

    /** The instance with its four keys filled (defaults for the system ones) and a full path. */
    CIMInstance withKeys(CIMInstance given, String defaultClass) throws WBEMException {
        String className = given.getClassName() == null ? defaultClass : given.getClassName();
        String name = string(given, InteropKeys.NAME);
        if (name == null || name.isBlank()) {
            throw invalid("Name is required");
        }
        String creation = string(given, InteropKeys.CREATION_CLASS_NAME);
        if (creation != null && !creation.isBlank() && !creation.equalsIgnoreCase(className)) {
            throw invalid("CreationClassName '" + creation + "' does not match the class " + className);
        }
        String systemClass = string(given, InteropKeys.SYSTEM_CREATION_CLASS_NAME);
        String system = string(given, InteropKeys.SYSTEM_NAME);
        List<CIMProperty<?>> keys = List.of(
                keyProperty(InteropKeys.SYSTEM_CREATION_CLASS_NAME,
                        systemClass == null || systemClass.isBlank() ? SYSTEM_CLASS : systemClass),
                keyProperty(InteropKeys.SYSTEM_NAME, system == null || system.isBlank() ? systemName : system),
                keyProperty(InteropKeys.CREATION_CLASS_NAME, className),
                keyProperty(InteropKeys.NAME, name));
        List<CIMProperty<?>> props = new ArrayList<>(keys);
        for (CIMProperty<?> p : given.getProperties()) {
            if (InteropKeys.property(keys.toArray(new CIMProperty<?>[0]), p.getName()) == null) {
                props.add(p);
            }
        }
        CIMObjectPath path = new CIMObjectPath(null, null, null, namespace, className,
                keys.toArray(new CIMProperty<?>[0]));
        return new CIMInstance(path, props.toArray(new CIMProperty<?>[0]));
    }

    static void checkState(int state) throws WBEMException {
        if (state != SubscriptionEntry.STATE_ENABLED && state != SubscriptionEntry.STATE_ENABLED_DEGRADED
                && state != SubscriptionEntry.STATE_DISABLED) {
            throw invalid("SubscriptionState " + state + " cannot be set; use 2 (Enabled) or 4 (Disabled)");
        }
    }

    static void checkPolicy(int policy) throws WBEMException {
        if (policy < SubscriptionEntry.POLICY_OTHER || policy > SubscriptionEntry.POLICY_REMOVE) {
            throw invalid("OnFatalErrorPolicy " + policy + " is not one of 1 (Other), 2 (Ignore), 3 (Disable), "
                    + "4 (Remove)");
        }
    }
}
