package org.cimforge.runtime.spi;

import org.metricshub.wbem.javax.cim.CIMInstance;

/**
 * Where providers and the job framework hand the indications they raise; the server matches them against the
 * subscriptions of its interop namespace and delivers them. Publishing never blocks on delivery.
 */
@FunctionalInterface
public interface IndicationPublisher {
    /** A publisher that drops everything, for servers without indication support. */
    IndicationPublisher NONE = (sourceNamespace, indication) -> {
    };

    /**
     * Publishes an indication (an instance of CIM_Indication or a subclass) raised in {@code sourceNamespace}, the
     * namespace of the instance it is about.
     */
    void publish(String sourceNamespace, CIMInstance indication);
}
