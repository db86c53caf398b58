package org.cimforge.runtime.indication;

import static org.cimforge.runtime.indication.InteropProperties.invalid;
import static org.cimforge.runtime.indication.InteropProperties.isOneOf;
import static org.cimforge.runtime.indication.InteropProperties.key;
import static org.cimforge.runtime.indication.InteropProperties.reference;
import static org.cimforge.runtime.indication.InteropProperties.uint16;
import static org.cimforge.runtime.indication.InteropProperties.uint16Property;

import java.time.Clock;
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
import org.cimforge.runtime.indication.SubscriptionStore.Kind;
import org.cimforge.runtime.indication.SubscriptionStore.StoreException;
import org.cimforge.runtime.spi.CimClassRepository;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The filters, listener destinations and subscriptions of the interop namespace: the in-memory state that {@code
 * publish} reads without locks, and the changes clients make to it, checked by the {@link SubscriptionValidator} and
 * kept by the {@link SubscriptionPersistence}. Changes are serialized by one lock; readers see copy-on-write
 * snapshots.
 */
final class SubscriptionRegistry {
    private static final Logger LOG = Logger.getLogger(SubscriptionRegistry.class.getName());
    static final String FILTER_CLASS = "CIM_IndicationFilter";
    static final String DESTINATION_CLASS = "CIM_ListenerDestination";
    static final String CIMXML_DESTINATION_CLASS = "CIM_ListenerDestinationCIMXML";
    static final String ABSTRACT_SUBSCRIPTION_CLASS = "CIM_AbstractIndicationSubscription";
    static final String SUBSCRIPTION_CLASS = "CIM_IndicationSubscription";
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

    private final String namespace;
    private final SubscriptionValidator rules;
    private final SubscriptionPersistence persistence;
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

    /** Where listeners may be; checked when a client creates a destination, not for restored ones. */
    private final DestinationPolicy policy;
    /** What each user holds, against the quotas. */
    private final QuotaBook quota;

    SubscriptionRegistry(CimClassRepository repository, String namespace, String systemName, SubscriptionStore store,
                         Clock clock, String runId, DestinationPolicy policy, SubscriptionQuotas quotas) {
        this.namespace = namespace;
        this.policy = policy;
        this.quota = new QuotaBook(quotas);
        this.rules = new SubscriptionValidator(repository, namespace, systemName);
        this.persistence = new SubscriptionPersistence(store, repository, namespace, systemName);
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
        for (SubscriptionStore.Row row : persistence.rows()) {
            try {
                CIMInstance stored = persistence.read(row);
                String refusal = quota.refusalOfRestored(row.kind(), stored);
                if (refusal != null) {
                    // Still start: a store filled past today's limits must not lock the server out for good.
                    LOG.warning("skipping a stored " + row.kind().name().toLowerCase(Locale.ROOT) + " (" + row.id()
                            + "): " + refusal);
                    continue;
                }
                switch (row.kind()) {
                    case FILTER -> {
                        FilterEntry f = rules.filterEntry(stored);
                        filters.put(f.id(), f);
                        quota.add(Kind.FILTER, f.id(), row.owner());
                    }
                    case DESTINATION -> {
                        DestinationEntry d = new DestinationEntry(stored, SubscriptionValidator.url(stored));
                        destinations.put(d.id(), d);
                        quota.add(Kind.DESTINATION, d.id(), row.owner());
                    }
                    case SUBSCRIPTION -> {
                        FilterEntry f = findFilter(reference(stored, "Filter"));
                        DestinationEntry d = findDestination(reference(stored, "Handler"));
                        SubscriptionEntry s = new SubscriptionEntry(stored, f, d, nextContext());
                        subscriptions.add(s);
                        quota.add(Kind.SUBSCRIPTION, s.id(), row.owner());
                    }
                }
            } catch (WBEMException | RuntimeException e) {
                LOG.warning("skipping a stored " + row.kind().name().toLowerCase(Locale.ROOT) + " (" + row.id()
                        + "): " + e.getMessage());
            }
        }
    }

    // ---- filters ----

    /** Creates a filter for {@code user} (null when anonymous). */
    synchronized CIMObjectPath createFilter(CIMInstance given, String user) throws WBEMException {
        quota.check(Kind.FILTER, user, given);
        CIMInstance filled = rules.withKeys(given, FILTER_CLASS);
        FilterEntry entry = rules.filterEntry(filled);
        if (filters.containsKey(entry.id())) {
            throw new WBEMException(WBEMException.CIM_ERR_ALREADY_EXISTS, "the indication filter " + entry.name()
                    + " already exists");
        }
        persistence.save(Kind.FILTER, entry.id(), filled, user);
        filters.put(entry.id(), entry);
        quota.add(Kind.FILTER, entry.id(), user);
        return filled.getObjectPath();
    }

    synchronized void deleteFilter(CIMObjectPath path) throws WBEMException {
        FilterEntry f = findFilter(path);
        for (SubscriptionEntry s : subscriptions) {
            if (s.filter == f) {
                throw new WBEMException(WBEMException.CIM_ERR_FAILED, "the indication filter " + f.name()
                        + " is still used by a subscription; delete the subscription first");
            }
        }
        persistence.delete(Kind.FILTER, f.id());
        filters.remove(f.id());
        quota.remove(Kind.FILTER, f.id());
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

    /** Creates a destination for {@code user} at {@code clientAddress} (either null when not known). */
    synchronized CIMObjectPath createDestination(CIMInstance given, String clientAddress, String user)
            throws WBEMException {
        quota.check(Kind.DESTINATION, user, given);
        rules.checkDestination(given);
        CIMInstance filled = rules.withKeys(given, given.getClassName());
        DestinationEntry entry = new DestinationEntry(filled, SubscriptionValidator.url(filled));
        policy.check(entry.url(), clientAddress);
        if (destinations.containsKey(entry.id())) {
            throw new WBEMException(WBEMException.CIM_ERR_ALREADY_EXISTS, "the listener destination "
                    + InteropKeys.value(filled.getProperties(), InteropKeys.NAME) + " already exists");
        }
        if (!SubscriptionValidator.transientDestination(entry)) {
            persistence.save(Kind.DESTINATION, entry.id(), filled, user);
        }
        destinations.put(entry.id(), entry);
        quota.add(Kind.DESTINATION, entry.id(), user);
        return filled.getObjectPath();
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
        persistence.delete(Kind.DESTINATION, d.id());
        destinations.remove(d.id());
        quota.remove(Kind.DESTINATION, d.id());
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

    /** Creates a subscription for {@code user} (null when anonymous). */
    synchronized CIMObjectPath createSubscription(CIMInstance given, String user) throws WBEMException {
        quota.check(Kind.SUBSCRIPTION, user, given);
        CIMObjectPath filterRef = reference(given, "Filter");
        CIMObjectPath handlerRef = reference(given, "Handler");
        FilterEntry f = findFilter(filterRef);
        DestinationEntry d = findDestination(handlerRef);
        if (find(f, d) != null) {
            throw new WBEMException(WBEMException.CIM_ERR_ALREADY_EXISTS, "a subscription of filter " + f.name()
                    + " to that destination already exists");
        }
        int state = uint16(given, "SubscriptionState", SubscriptionEntry.STATE_ENABLED);
        SubscriptionValidator.checkState(state);
        int policy = uint16(given, "OnFatalErrorPolicy", SubscriptionEntry.POLICY_IGNORE);
        SubscriptionValidator.checkPolicy(policy);
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
        if (!SubscriptionValidator.transientDestination(d)) {
            persistence.save(Kind.SUBSCRIPTION, entry.id(), instance, user);
        }
        subscriptions.add(entry);
        quota.add(Kind.SUBSCRIPTION, entry.id(), user);
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
        persistence.delete(Kind.SUBSCRIPTION, s.id());
        subscriptions.remove(s);
        quota.remove(Kind.SUBSCRIPTION, s.id());
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
                SubscriptionValidator.checkState(state);
                stateChanged = state != s.state();
                replacement = uint16Property("SubscriptionState", state);
            } else if (name.equalsIgnoreCase("OnFatalErrorPolicy")) {
                int policy = newValue instanceof Number n ? n.intValue() : SubscriptionEntry.POLICY_IGNORE;
                SubscriptionValidator.checkPolicy(policy);
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
        if (!SubscriptionValidator.transientDestination(s.destination)) {
            persistence.save(Kind.SUBSCRIPTION, s.id(), instance, quota.owner(Kind.SUBSCRIPTION, s.id()));
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
        return InteropProperties.now(clock);
    }
}
