package org.cimforge.runtime.indication;

import java.util.concurrent.atomic.AtomicLong;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;

/**
 * A CIM_IndicationSubscription as the service holds it. The instance changes (SubscriptionState) and is replaced
 * whole; the sequence counter lives as long as the entry, so SequenceContext plus SequenceNumber identify an
 * indication within one server run.
 */
final class SubscriptionEntry {
    static final int STATE_ENABLED = 2;
    static final int STATE_ENABLED_DEGRADED = 3;
    static final int STATE_DISABLED = 4;
    static final int POLICY_OTHER = 1;
    static final int POLICY_IGNORE = 2;
    static final int POLICY_DISABLE = 3;
    static final int POLICY_REMOVE = 4;

    final FilterEntry filter;
    final DestinationEntry destination;
    final String sequenceContext;
    private final AtomicLong sequence = new AtomicLong();
    private volatile CIMInstance instance;
    private volatile boolean removed;

    SubscriptionEntry(CIMInstance instance, FilterEntry filter, DestinationEntry destination, String sequenceContext) {
        this.instance = instance;
        this.filter = filter;
        this.destination = destination;
        this.sequenceContext = sequenceContext;
    }

    String id() {
        return id(filter, destination);
    }

    static String id(FilterEntry filter, DestinationEntry destination) {
        return "filter=" + filter.id() + ";handler=" + destination.id();
    }

    CIMInstance instance() {
        return instance;
    }

    void instance(CIMInstance value) {
        instance = value;
    }

    int state() {
        return intValue("SubscriptionState", STATE_ENABLED);
    }

    int onFatalErrorPolicy() {
        return intValue("OnFatalErrorPolicy", POLICY_IGNORE);
    }

    /** Whether indications should still go out for this subscription. */
    boolean active() {
        int s = state();
        return !removed && (s == STATE_ENABLED || s == STATE_ENABLED_DEGRADED);
    }

    void markRemoved() {
        removed = true;
    }

    long nextSequenceNumber() {
        return sequence.getAndIncrement();
    }

    private int intValue(String property, int fallback) {
        Object v = InteropKeys.value(instance.getProperties(), property);
        if (v instanceof UnsignedInteger16 u) {
            return u.intValue();
        }
        return v instanceof Number n ? n.intValue() : fallback;
    }
}
