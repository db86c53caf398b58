package org.cimforge.runtime.indication;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.cimforge.mof.model.CimClass;
import org.cimforge.runtime.indication.SubscriptionStore.Kind;
import org.cimforge.runtime.indication.SubscriptionStore.StoreException;
import org.cimforge.runtime.query.Query;
import org.cimforge.runtime.query.QueryException;
import org.cimforge.runtime.query.QueryLanguage;
import org.cimforge.runtime.spi.CimClassRepository;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The filters, listener destinations and subscriptions of the interop namespace: validation of what clients create,
 * the in-memory state that {@code publish} reads without locks, and its persistence. Changes are serialized by one
 * lock; readers see copy-on-write snapshots.
 */
final class SubscriptionRegistry {
    private static final Logger LOG = Logger.getLogger(SubscriptionRegistry.class.getName());
    static final String FILTER_CLASS = "CIM_IndicationFilter";
    static final String DESTINATION_CLASS = "CIM_ListenerDestination";
    static final String CIMXML_DESTINATION_CLASS = "CIM_ListenerDestinationCIMXML";
    static final String ABSTRACT_SUBSCRIPTION_CLASS = "CIM_AbstractIndicationSubscription";
    static final String SUBSCRIPTION_CLASS = "CIM_IndicationSubscription";
    private static final String SYSTEM_CLASS = "CIM_ComputerSystem";
    private static final int PERSISTENCE_TRANSIENT = 3;
    /** Subscription properties a client may change with ModifyInstance. */
    private static final Set<String> WRITABLE = Set.of("subscriptionstate", "onfatalerrorpolicy",
            "otheronfatalerrorpolicy", "failuretriggertimeinterval", "subscriptionduration",
            "repeatnotificationpolicy", "otherrepeatnotificationpolicy", "repeatnotificationinterval",
            "repeatnotificationgap", "repeatnotificationcount", "subscriptioninfo", "othersubscriptionstate");

    /** What the delivery side must hear about. */
    interface Changes {
        void subscriptionStopped(SubscriptionEntry subscription);

        void destinationRemoved(DestinationEntry destination);
    }

    private final CimClassRepository repository;
    private final String namespace;
    private final String systemName;
    private final SubscriptionStore store;
    private final Clock clock;
    private final String runId;
    private final AtomicLong serial = new AtomicLong();
    private final Map<String, FilterEntry> filters = new ConcurrentHashMap<>();
    private final Map<String, DestinationEntry> destinations = new ConcurrentHashMap<>();
    private final List<SubscriptionEntry> subscriptions = new CopyOnWriteArrayList<>();
    private volatile Changes changes = new Changes() {
        @Override
        public void subscriptionStopped(SubscriptionEntry subscription) {
        }

        @Override
        public void destinationRemoved(DestinationEntry destination) {
        }
    };

    SubscriptionRegistry(CimClassRepository repository, String namespace, String systemName, SubscriptionStore store,
                         Clock clock, String runId) {
        this.repository = repository;
        this.namespace = namespace;
        this.systemName = systemName;
        this.store = store;
        this.clock = clock;
        this.runId = runId;
    }

    void listen(Changes value) {
        changes = value;
    }

    String namespace() {
        return namespace;
    }

    List<SubscriptionEntry> subscriptions() {
        return subscriptions;
    }

    Collection<FilterEntry> filters() {
        return filters.values();
    }

    Collection<DestinationEntry> destinations() {
        return destinations.values();
    }

    // ---- restoring ----

    /** Reads back what the store holds; objects that no longer make sense are skipped with a warning. */
    synchronized void restore() throws StoreException {
        for (SubscriptionStore.Row row : store.load()) {
            try {
                CIMInstance stored = InstanceXml.read(row.xml(), namespace, repository);
                switch (row.kind()) {
                    case FILTER -> {
                        FilterEntry f = filterEntry(stored);
                        filters.put(f.id(), f);
                    }
                    case DESTINATION -> {
                        DestinationEntry d = new DestinationEntry(stored, url(stored));
                        destinations.put(d.id(), d);
                    }
                    case SUBSCRIPTION -> {
                        FilterEntry f = findFilter(reference(stored, "Filter"));
                        DestinationEntry d = findDestination(reference(stored, "Handler"));
                        subscriptions.add(new SubscriptionEntry(stored, f, d, nextContext()));
                    }
                }
            } catch (WBEMException | RuntimeException e) {
                LOG.warning("skipping a stored " + row.kind().name().toLowerCase(Locale.ROOT) + " (" + row.id()
                        + "): " + e.getMessage());
            }
        }
    }

    // ---- filters ----

    synchronized CIMObjectPath createFilter(CIMInstance given) throws WBEMException {
        CIMInstance filled = withKeys(given, FILTER_CLASS);
        FilterEntry entry = filterEntry(filled);
        if (filters.containsKey(entry.id())) {
            throw new WBEMException(WBEMException.CIM_ERR_ALREADY_EXISTS, "the indication filter " + entry.name()
                    + " already exists");
        }
        save(Kind.FILTER, entry.id(), filled);
        filters.put(entry.id(), entry);
        return filled.getObjectPath();
    }

    private FilterEntry filterEntry(CIMInstance filter) throws WBEMException {
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

    synchronized void deleteFilter(CIMObjectPath path) throws WBEMException {
        FilterEntry f = findFilter(path);
        for (SubscriptionEntry s : subscriptions) {
            if (s.filter == f) {
                throw new WBEMException(WBEMException.CIM_ERR_FAILED, "the indication filter " + f.name()
                        + " is still used by a subscription; delete the subscription first");
            }
        }
        delete(Kind.FILTER, f.id());
        filters.remove(f.id());
    }

    FilterEntry findFilter(CIMObjectPath path) throws WBEMException {
        if (path != null) {
            FilterEntry match = null;
            for (FilterEntry f : filters.values()) {
                if (InteropKeys.named(f.instance(), path)) {
                    if (match != null) {
                        throw invalid("the filter path " + path + " names more than one filter; give all its keys");
                    }
                    match = f;
                }
            }
            if (match != null) {
                return match;
            }
        }
        throw new WBEMException(WBEMException.CIM_ERR_NOT_FOUND, "no indication filter " + path);
    }

    // ---- destinations ----

    synchronized CIMObjectPath createDestination(CIMInstance given) throws WBEMException {
        CimClass c = repository.modelClass(namespace, given.getClassName());
        if (c == null || c.isAbstract()) {
            throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED, "create a " + CIMXML_DESTINATION_CLASS
                    + ", not the abstract " + given.getClassName());
        }
        Object protocol = InteropKeys.value(given.getProperties(), "Protocol");
        if (protocol instanceof Number n && n.intValue() != 2) {
            throw invalid("Protocol " + n + " is not supported; this server delivers CIM-XML (2) only");
        }
        CIMInstance filled = withKeys(given, given.getClassName());
        DestinationEntry entry = new DestinationEntry(filled, url(filled));
        if (destinations.containsKey(entry.id())) {
            throw new WBEMException(WBEMException.CIM_ERR_ALREADY_EXISTS, "the listener destination "
                    + InteropKeys.value(filled.getProperties(), InteropKeys.NAME) + " already exists");
        }
        if (!transientDestination(entry)) {
            save(Kind.DESTINATION, entry.id(), filled);
        }
        destinations.put(entry.id(), entry);
        return filled.getObjectPath();
    }

    private static boolean transientDestination(DestinationEntry d) {
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

    synchronized void deleteDestination(CIMObjectPath path) throws WBEMException {
        DestinationEntry d = findDestination(path);
        for (SubscriptionEntry s : subscriptions) {
            if (s.destination == d) {
                throw new WBEMException(WBEMException.CIM_ERR_FAILED, "the listener destination "
                        + InteropKeys.value(d.instance().getProperties(), InteropKeys.NAME)
                        + " is still used by a subscription; delete the subscription first");
            }
        }
        delete(Kind.DESTINATION, d.id());
        destinations.remove(d.id());
        changes.destinationRemoved(d);
    }

    DestinationEntry findDestination(CIMObjectPath path) throws WBEMException {
        if (path != null) {
            DestinationEntry match = null;
            for (DestinationEntry d : destinations.values()) {
                if (InteropKeys.named(d.instance(), path)) {
                    if (match != null) {
                        throw invalid("the destination path " + path + " names more than one destination; give all "
                                + "its keys");
                    }
                    match = d;
                }
            }
            if (match != null) {
                return match;
            }
        }
        throw new WBEMException(WBEMException.CIM_ERR_NOT_FOUND, "no listener destination " + path);
    }

    // ---- subscriptions ----

    synchronized CIMObjectPath createSubscription(CIMInstance given) throws WBEMException {
        CIMObjectPath filterRef = reference(given, "Filter");
        CIMObjectPath handlerRef = reference(given, "Handler");
        FilterEntry f = findFilter(filterRef);
        DestinationEntry d = findDestination(handlerRef);
        if (find(f, d) != null) {
            throw new WBEMException(WBEMException.CIM_ERR_ALREADY_EXISTS, "a subscription of filter " + f.name()
                    + " to that destination already exists");
        }
        int state = uint16(given, "SubscriptionState", SubscriptionEntry.STATE_ENABLED);
        checkState(state);
        int policy = uint16(given, "OnFatalErrorPolicy", SubscriptionEntry.POLICY_IGNORE);
        checkPolicy(policy);
        CIMObjectPath path = subscriptionPath(given.getClassName(), f, d);
        List<CIMProperty<?>> props = new ArrayList<>();
        for (CIMProperty<?> p : given.getProperties()) {
            if (!isOneOf(p.getName(), "Filter", "Handler", "SubscriptionState", "OnFatalErrorPolicy",
                    "SubscriptionStartTime", "TimeOfLastStateChange")) {
                props.add(p);
            }
        }
        props.add(0, path.getKey("Handler"));
        props.add(0, path.getKey("Filter"));
        CIMDateTimeAbsolute now = now();
        props.add(uint16Property("SubscriptionState", state));
        props.add(uint16Property("OnFatalErrorPolicy", policy));
        props.add(new CIMProperty<>("SubscriptionStartTime", CIMDataType.DATETIME_T, now));
        props.add(new CIMProperty<>("TimeOfLastStateChange", CIMDataType.DATETIME_T, now));
        CIMInstance instance = new CIMInstance(path, props.toArray(new CIMProperty<?>[0]));
        SubscriptionEntry entry = new SubscriptionEntry(instance, f, d, nextContext());
        if (!transientDestination(d)) {
            save(Kind.SUBSCRIPTION, entry.id(), instance);
        }
        subscriptions.add(entry);
        return path;
    }

    private CIMObjectPath subscriptionPath(String className, FilterEntry f, DestinationEntry d) {
        CIMObjectPath filterPath = f.instance().getObjectPath();
        CIMObjectPath handlerPath = d.instance().getObjectPath();
        return new CIMObjectPath(null, null, null, namespace, className, new CIMProperty<?>[] {
            new CIMProperty<>("Filter", new CIMDataType(FILTER_CLASS), filterPath, true, false, null),
            new CIMProperty<>("Handler", new CIMDataType(DESTINATION_CLASS), handlerPath, true, false, null)});
    }

    SubscriptionEntry findSubscription(CIMObjectPath path) throws WBEMException {
        FilterEntry f;
        DestinationEntry d;
        try {
            f = findFilter(key(path, "Filter"));
            d = findDestination(key(path, "Handler"));
        } catch (WBEMException e) {
            throw new WBEMException(WBEMException.CIM_ERR_NOT_FOUND, "no subscription " + path + ": "
                    + e.getMessage());
        }
        SubscriptionEntry s = find(f, d);
        if (s == null) {
            throw new WBEMException(WBEMException.CIM_ERR_NOT_FOUND, "no subscription of filter " + f.name()
                    + " to that destination");
        }
        return s;
    }

    private SubscriptionEntry find(FilterEntry f, DestinationEntry d) {
        for (SubscriptionEntry s : subscriptions) {
            if (s.filter == f && s.destination == d) {
                return s;
            }
        }
        return null;
    }

    synchronized void deleteSubscription(CIMObjectPath path) throws WBEMException {
        remove(findSubscription(path));
    }

    private void remove(SubscriptionEntry s) throws WBEMException {
        delete(Kind.SUBSCRIPTION, s.id());
        subscriptions.remove(s);
        s.markRemoved();
        changes.subscriptionStopped(s);
    }

    synchronized void modifySubscription(CIMInstance modified, String[] propertyList) throws WBEMException {
        SubscriptionEntry s = findSubscription(modified.getObjectPath());
        List<String> names = new ArrayList<>();
        if (propertyList != null) {
            names.addAll(List.of(propertyList));
        } else {
            for (CIMProperty<?> p : modified.getProperties()) {
                names.add(p.getName());
            }
        }
        CIMInstance current = s.instance();
        List<CIMProperty<?>> props = new ArrayList<>(List.of(current.getProperties()));
        boolean stateChanged = false;
        for (String name : names) {
            if (isOneOf(name, "Filter", "Handler")) {
                continue;
            }
            CIMProperty<?> wanted = InteropKeys.property(modified.getProperties(), name);
            CIMProperty<?> existing = InteropKeys.property(current.getProperties(), name);
            Object newValue = wanted == null ? null : wanted.getValue();
            Object oldValue = existing == null ? null : existing.getValue();
            if (!WRITABLE.contains(name.toLowerCase(Locale.ROOT))) {
                if (!java.util.Objects.deepEquals(String.valueOf(oldValue), String.valueOf(newValue))) {
                    throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED, "property " + name
                            + " of a subscription cannot be changed");
                }
                continue;
            }
            CIMProperty<?> replacement = wanted;
            if (name.equalsIgnoreCase("SubscriptionState")) {
                int state = newValue instanceof Number n ? n.intValue() : SubscriptionEntry.STATE_ENABLED;
                checkState(state);
                stateChanged = state != s.state();
                replacement = uint16Property("SubscriptionState", state);
            } else if (name.equalsIgnoreCase("OnFatalErrorPolicy")) {
                int policy = newValue instanceof Number n ? n.intValue() : SubscriptionEntry.POLICY_IGNORE;
                checkPolicy(policy);
                replacement = uint16Property("OnFatalErrorPolicy", policy);
            } else if (replacement == null) {
                replacement = existing == null ? null
                        : new CIMProperty<>(existing.getName(), existing.getDataType(), null);
            }
            props.removeIf(p -> p.getName().equalsIgnoreCase(name));
            if (replacement != null) {
                props.add(replacement);
            }
        }
        if (stateChanged) {
            props.removeIf(p -> p.getName().equalsIgnoreCase("TimeOfLastStateChange"));
            props.add(new CIMProperty<>("TimeOfLastStateChange", CIMDataType.DATETIME_T, now()));
        }
        update(s, new CIMInstance(current.getObjectPath(), props.toArray(new CIMProperty<?>[0])));
    }

    private void update(SubscriptionEntry s, CIMInstance instance) throws WBEMException {
        if (!transientDestination(s.destination)) {
            save(Kind.SUBSCRIPTION, s.id(), instance);
        }
        s.instance(instance);
        if (!s.active()) {
            changes.subscriptionStopped(s);
        }
    }

    /** Applies a subscription's OnFatalErrorPolicy after an indication could not be delivered. */
    synchronized void deliveryFailed(SubscriptionEntry s) {
        if (!subscriptions.contains(s)) {
            return;
        }
        try {
            switch (s.onFatalErrorPolicy()) {
                case SubscriptionEntry.POLICY_DISABLE -> {
                    List<CIMProperty<?>> props = new ArrayList<>(List.of(s.instance().getProperties()));
                    props.removeIf(p -> isOneOf(p.getName(), "SubscriptionState", "TimeOfLastStateChange"));
                    props.add(uint16Property("SubscriptionState", SubscriptionEntry.STATE_DISABLED));
                    props.add(new CIMProperty<>("TimeOfLastStateChange", CIMDataType.DATETIME_T, now()));
                    update(s, new CIMInstance(s.instance().getObjectPath(), props.toArray(new CIMProperty<?>[0])));
                    LOG.warning("disabled the subscription of filter " + s.filter.name() + " (OnFatalErrorPolicy "
                            + "Disable)");
                }
                case SubscriptionEntry.POLICY_REMOVE -> {
                    remove(s);
                    LOG.warning("removed the subscription of filter " + s.filter.name() + " (OnFatalErrorPolicy "
                            + "Remove)");
                }
                default -> {
                    // Ignore (and Other): the indication is dropped, the subscription stays as it is.
                }
            }
        } catch (WBEMException e) {
            LOG.warning("cannot apply OnFatalErrorPolicy to the subscription of filter " + s.filter.name() + ": "
                    + e.getMessage());
        }
    }

    // ---- helpers ----

    private String nextContext() {
        return runId + "-" + serial.incrementAndGet();
    }

    private CIMDateTimeAbsolute now() {
        return now(clock);
    }

    static CIMDateTimeAbsolute now(Clock clock) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSSSS");
        return new CIMDateTimeAbsolute(f.format(clock.instant().atOffset(ZoneOffset.UTC)) + "+000");
    }

    /** The instance with its four keys filled (defaults for the system ones) and a full path. */
    private CIMInstance withKeys(CIMInstance given, String defaultClass) throws WBEMException {
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

    private static CIMProperty<String> keyProperty(String name, String value) {
        return new CIMProperty<>(name, CIMDataType.STRING_T, value, true, false, null);
    }

    private static CIMProperty<UnsignedInteger16> uint16Property(String name, int value) {
        return new CIMProperty<>(name, CIMDataType.UINT16_T, new UnsignedInteger16(value));
    }

    private static String string(CIMInstance i, String name) {
        Object v = InteropKeys.value(i.getProperties(), name);
        return v == null ? null : v.toString();
    }

    private static int uint16(CIMInstance i, String name, int fallback) throws WBEMException {
        Object v = InteropKeys.value(i.getProperties(), name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        throw invalid(name + " must be a number");
    }

    private static void checkState(int state) throws WBEMException {
        if (state != SubscriptionEntry.STATE_ENABLED && state != SubscriptionEntry.STATE_ENABLED_DEGRADED
                && state != SubscriptionEntry.STATE_DISABLED) {
            throw invalid("SubscriptionState " + state + " cannot be set; use 2 (Enabled) or 4 (Disabled)");
        }
    }

    private static void checkPolicy(int policy) throws WBEMException {
        if (policy < SubscriptionEntry.POLICY_OTHER || policy > SubscriptionEntry.POLICY_REMOVE) {
            throw invalid("OnFatalErrorPolicy " + policy + " is not one of 1 (Other), 2 (Ignore), 3 (Disable), "
                    + "4 (Remove)");
        }
    }

    private static CIMObjectPath reference(CIMInstance i, String name) throws WBEMException {
        Object v = InteropKeys.value(i.getProperties(), name);
        if (v instanceof CIMObjectPath p) {
            return p;
        }
        throw invalid(name + " is required: a reference to the " + (name.equals("Filter") ? "indication filter"
                : "listener destination"));
    }

    private static CIMObjectPath key(CIMObjectPath path, String name) throws WBEMException {
        CIMProperty<?> k = path == null ? null : path.getKey(name);
        if (k == null) {
            for (CIMProperty<?> p : path == null ? new CIMProperty<?>[0] : path.getKeys()) {
                if (p.getName().equalsIgnoreCase(name)) {
                    k = p;
                }
            }
        }
        if (k != null && k.getValue() instanceof CIMObjectPath p) {
            return p;
        }
        throw invalid("the subscription path needs the key " + name);
    }

    private static boolean isOneOf(String name, String... names) {
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private void save(Kind kind, String id, CIMInstance instance) throws WBEMException {
        try {
            store.save(kind, id, InstanceXml.write(instance, namespace, systemName));
        } catch (StoreException e) {
            throw new WBEMException(WBEMException.CIM_ERR_FAILED, e.getMessage());
        }
    }

    private void delete(Kind kind, String id) throws WBEMException {
        try {
            store.delete(kind, id);
        } catch (StoreException e) {
            throw new WBEMException(WBEMException.CIM_ERR_FAILED, e.getMessage());
        }
    }

    static WBEMException invalid(String message) {
        return new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, message);
    }
}
