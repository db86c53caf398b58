package org.cimforge.sample.provider;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.cimforge.array.event.Created;
import org.cimforge.array.event.Deleted;
import org.cimforge.array.event.EngineEvent;
import org.cimforge.array.event.EngineListener;
import org.cimforge.array.model.Entity;
import org.cimforge.array.model.Job;
import org.cimforge.array.model.PprcSession;
import org.cimforge.array.model.ReplicaGroup;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;
import org.cimforge.runtime.indication.LifecycleIndications;
import org.cimforge.runtime.spi.IndicationPublisher;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * Turns the engine's committed changes into CIM life-cycle indications (InstCreation, InstModification with the
 * previous instance, InstDeletion) for the CIM instance each engine object is shown as, and feeds job changes to the
 * {@link JobBridge}. Engine listeners run under the engine lock, so the listener only queues; one relay thread does
 * the work in commit order.
 */
public final class EventRelay implements EngineListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventRelay.class.getName());

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sample-engine-events");
        t.setDaemon(true);
        return t;
    });
    private final ArrayInstances instances;
    private final Supplier<IndicationPublisher> publisher;
    private volatile JobBridge jobs;
    private volatile Consumer<StorageSystem> onNewSystem = s -> { };

    /** A relay publishing through whatever {@code publisher} supplies at the time of each event. */
    public EventRelay(ArrayInstances instances, Supplier<IndicationPublisher> publisher) {
        this.instances = instances;
        this.publisher = publisher;
    }

    /** The thread the relay works on, for work that must stay in order with the events. */
    public java.util.concurrent.Executor executor() {
        return thread;
    }

    /** Where job changes go. */
    public void jobs(JobBridge bridge) {
        this.jobs = bridge;
    }

    /** Called (on the relay thread) for each system created while serving. */
    public void onNewSystem(Consumer<StorageSystem> action) {
        this.onNewSystem = action;
    }

    @Override
    public void onEvent(EngineEvent event) {
        thread.execute(() -> {
            try {
                handle(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot relay engine event " + event.kind() + " " + event.id(), e);
            }
        });
    }

    private void handle(EngineEvent event) {
        if (event.after() instanceof Volume v) {
            instances.directory().remember(v);
        }
        if (event.after() instanceof Job job) {
            JobBridge bridge = jobs;
            if (bridge != null) {
                bridge.onJobChanged(job);
            }
            return;
        }
        if (event instanceof Created && event.after() instanceof StorageSystem system) {
            onNewSystem.accept(system);
        }
        CIMInstance before = cim(event.before());
        CIMInstance after = cim(event.after());
        CIMInstance indication;
        if (event instanceof Created) {
            indication = after == null ? null : LifecycleIndications.creation(LifecycleIndications.CREATION, after);
        } else if (event instanceof Deleted) {
            indication = before == null ? null : LifecycleIndications.deletion(LifecycleIndications.DELETION, before);
        } else {
            // Engine records carry internal fields too; only a change a client can see is an InstModification.
            indication = before == null || after == null || sameValues(before, after) ? null
                    : LifecycleIndications.modification(LifecycleIndications.MODIFICATION, before, after);
        }
        if (indication != null) {
            publisher.get().publish(instances.directory().names().namespace(), indication);
        }
    }

    /** True when both states have the same class and property values (JSR48 equality compares paths only). */
    static boolean sameValues(CIMInstance before, CIMInstance after) {
        if (!before.getClassName().equalsIgnoreCase(after.getClassName())
                || before.getPropertyCount() != after.getPropertyCount()) {
            return false;
        }
        for (CIMProperty<?> p : after.getProperties()) {
            CIMProperty<?> old = before.getProperty(p.getName());
            if (old == null || !Objects.deepEquals(old.getValue(), p.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The CIM instance an engine object is shown as, or null for objects without one (activities, jobs). */
    private CIMInstance cim(Entity entity) {
        if (entity == null) {
            return null;
        }
        if (entity instanceof StorageSystem s) {
            return instances.system(s).toCimInstance();
        } else if (entity instanceof StoragePool p) {
            return instances.pool(p).toCimInstance();
        } else if (entity instanceof Volume v) {
            return instances.directory().system(v.systemId()) == null ? null : instances.volume(v).toCimInstance();
        } else if (entity instanceof Synchronization pair) {
            return instances.directory().systemOf(pair) == null ? null : instances.relationship(pair).toCimInstance();
        } else if (entity instanceof ReplicaGroup g) {
            return instances.group(g).toCimInstance();
        } else if (entity instanceof PprcSession s) {
            return instances.session(s).toCimInstance();
        }
        return null;
    }

    /** Finishes the queued work (bounded), then stops the relay thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
