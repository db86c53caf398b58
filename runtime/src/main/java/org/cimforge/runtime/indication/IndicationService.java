package org.cimforge.runtime.indication;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cimforge.runtime.indication.SubscriptionStore.StoreException;
import org.cimforge.runtime.interop.CimInterop;
import org.cimforge.runtime.query.ClassHierarchy;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.cimforge.runtime.spi.IndicationPublisher;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * Indication subscriptions and their delivery (DSP1054 over CIM-XML export, DSP0200/DSP0201). It serves
 * CIM_IndicationFilter, CIM_ListenerDestinationCIMXML and CIM_IndicationSubscription in the interop namespace, and
 * {@link #publish} matches each published indication against every enabled subscription's filter and queues a copy
 * per match for its listener. Delivery runs on a small pool, one ordered queue per destination, with retries and the
 * subscription's OnFatalErrorPolicy when a listener stays unreachable. With a data directory the interop objects are
 * kept in SQLite and restored at the next start.
 */
public final class IndicationService implements IndicationPublisher, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(IndicationService.class.getName());

    private final CimClassRepository repository;
    private final SubscriptionRegistry registry;
    private final IndicationDelivery delivery;
    private final SubscriptionStore store;
    private final String systemName;
    private final Clock clock;
    private volatile boolean closed;

    private IndicationService(CimClassRepository repository, String systemName, DeliverySettings settings,
                              SubscriptionStore store, Clock clock) {
        this.repository = repository;
        this.systemName = systemName;
        this.store = store;
        this.clock = clock;
        String interop = repository.canonicalNamespace(CimInterop.NAMESPACE);
        // A fresh SequenceContext prefix per start: sequence numbers restart with it.
        String runId = UUID.randomUUID().toString();
        this.registry = new SubscriptionRegistry(repository, interop == null ? CimInterop.NAMESPACE : interop,
                systemName, store, clock, runId, new DestinationPolicy(settings.allowedDestinations()),
                settings.quotas());
        this.delivery = new IndicationDelivery(settings, systemName, (s, reason) -> registry.deliveryFailed(s));
        registry.listen(new SubscriptionRegistry.Changes() {
            @Override
            public void subscriptionStopped(SubscriptionEntry subscription) {
                delivery.discard(subscription);
            }

            @Override
            public void destinationRemoved(DestinationEntry destination) {
                delivery.destinationRemoved(destination);
            }
        });
    }

    /**
     * Creates the service for a server's repository and registers its providers in the interop namespace (for those
     * classes the namespace defines and no provider serves yet). With a {@code dataDirectory} the subscriptions
     * stored there are restored.
     *
     * @throws IllegalStateException when the store in {@code dataDirectory} cannot be opened or read
     */
    public static IndicationService install(CimClassRepository repository, CimProviderRegistry providers,
                                            String systemName, DeliverySettings settings, Path dataDirectory) {
        return install(repository, providers, systemName, settings, dataDirectory, Clock.systemUTC());
    }

    /** As {@link #install(CimClassRepository, CimProviderRegistry, String, DeliverySettings, Path)}, with a clock. */
    public static IndicationService install(CimClassRepository repository, CimProviderRegistry providers,
                                            String systemName, DeliverySettings settings, Path dataDirectory,
                                            Clock clock) {
        SubscriptionStore store = SubscriptionStore.NONE;
        try {
            if (dataDirectory != null) {
                store = SqliteSubscriptionStore.open(dataDirectory);
            }
            IndicationService service = new IndicationService(repository, systemName,
                    settings == null ? DeliverySettings.defaults() : settings, store, clock);
            service.registry.restore();
            InteropObjectProvider provider = new InteropObjectProvider(service.registry);
            String ns = service.registry.namespace();
            for (String c : List.of(SubscriptionRegistry.FILTER_CLASS, SubscriptionRegistry.DESTINATION_CLASS,
                    SubscriptionRegistry.CIMXML_DESTINATION_CLASS, SubscriptionRegistry.ABSTRACT_SUBSCRIPTION_CLASS,
                    SubscriptionRegistry.SUBSCRIPTION_CLASS)) {
                if (repository.canonicalNamespace(ns) != null && repository.modelClass(ns, c) != null
                        && providers.instanceProvider(ns, c) == null) {
                    providers.instances(ns, c, provider);
                }
            }
            return service;
        } catch (StoreException e) {
            store.close();
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The interop namespace that holds the subscriptions. */
    public String namespace() {
        return registry.namespace();
    }

    /** How many subscriptions exist (enabled or not). */
    public int subscriptionCount() {
        return registry.subscriptions().size();
    }

    /** How many indication filters exist. */
    public int filterCount() {
        return registry.filters().size();
    }

    /** How many indications listeners have accepted since the start. */
    public long deliveredCount() {
        return delivery.delivered();
    }

    /** How many indications were dropped because a destination's queue was full. */
    public long droppedCount() {
        return delivery.dropped();
    }

    /** How many delivery attempts have failed since the start (every retry counts). */
    public long failedAttemptCount() {
        return delivery.failedAttempts();
    }

    /** How many indications wait for delivery (or are being sent) right now. */
    public int pendingCount() {
        return delivery.pending();
    }

    /**
     * Matches an indication raised in {@code sourceNamespace} against every enabled subscription and queues one
     * completed copy per match; returns at once (no network I/O, no waiting for a full queue).
     */
    @Override
    public void publish(String sourceNamespace, CIMInstance indication) {
        if (closed || indication == null) {
            return;
        }
        String ns = sourceNamespace == null ? null : repository.canonicalNamespace(sourceNamespace);
        String namespace = ns != null ? ns : sourceNamespace;
        ClassHierarchy hierarchy = hierarchy(ns);
        CIMDateTimeAbsolute time = null;
        String modelPath = null;
        for (SubscriptionEntry s : registry.subscriptions()) {
            FilterEntry f = s.filter;
            if (!s.active() || !f.watches(namespace)) {
                continue;
            }
            boolean matches;
            try {
                matches = f.query().matches(indication, hierarchy);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "filter " + f.name() + " failed on " + indication.getClassName(), e);
                continue;
            }
            if (!matches) {
                continue;
            }
            if (time == null) {
                time = InteropProperties.now(clock);
                Object source = InteropKeys.value(indication.getProperties(), "SourceInstance");
                modelPath = source instanceof CIMInstance si ? ModelPaths.of(si, namespace, repository) : null;
            }
            CIMInstance projected = f.query().project(indication);
            CIMDateTimeAbsolute when = time;
            String path = modelPath;
            delivery.enqueue(s, namespace, sequence -> complete(projected, f, s, when, path, sequence));
        }
    }

    /** Looks classes up in the source namespace first (vendor indication classes live there), then in interop. */
    private ClassHierarchy hierarchy(String sourceNamespace) {
        String interop = registry.namespace();
        return (className, ancestor) -> {
            if (className.equalsIgnoreCase(ancestor)) {
                return true;
            }
            if (sourceNamespace != null && repository.modelClass(sourceNamespace, className) != null) {
                return repository.isA(sourceNamespace, className, ancestor);
            }
            return repository.canonicalNamespace(interop) != null && repository.isA(interop, className, ancestor);
        };
    }

    private CIMInstance complete(CIMInstance indication, FilterEntry f, SubscriptionEntry s, CIMDateTimeAbsolute time,
                                 String modelPath, long sequence) {
        List<CIMProperty<?>> props = new ArrayList<>(List.of(indication.getProperties()));
        set(props, new CIMProperty<>("IndicationFilterName", CIMDataType.STRING_T, f.name()), true);
        set(props, new CIMProperty<>("IndicationTime", CIMDataType.DATETIME_T, time), false);
        if (modelPath != null) {
            set(props, new CIMProperty<>("SourceInstanceModelPath", CIMDataType.STRING_T, modelPath), false);
            set(props, new CIMProperty<>("SourceInstanceHost", CIMDataType.STRING_T, systemName), false);
        }
        set(props, new CIMProperty<>("SequenceContext", CIMDataType.STRING_T, s.sequenceContext), true);
        set(props, new CIMProperty<>("SequenceNumber", CIMDataType.SINT64_T, sequence), true);
        return new CIMInstance(indication.getObjectPath(), props.toArray(new CIMProperty<?>[0]));
    }

    /** Puts a property in place of one of the same name; {@code overwrite} false keeps a non-NULL value present. */
    private static void set(List<CIMProperty<?>> props, CIMProperty<?> value, boolean overwrite) {
        for (int i = 0; i < props.size(); i++) {
            CIMProperty<?> p = props.get(i);
            if (p.getName().equalsIgnoreCase(value.getName())) {
                if (overwrite || p.getValue() == null) {
                    props.set(i, value);
                }
                return;
            }
        }
        props.add(value);
    }

    /** Stops delivery (queued indications are dropped) and closes the store. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        delivery.close();
        store.close();
    }
}
