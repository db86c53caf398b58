package org.cimforge.runtime.indication;

import java.net.URI;
import org.metricshub.wbem.javax.cim.CIMInstance;

/**
 * A CIM_ListenerDestinationCIMXML as the service holds it.
 *
 * @param instance the destination instance, keys filled, path in the interop namespace
 * @param url      the listener URL (scheme http or https, path at least "/")
 */
record DestinationEntry(CIMInstance instance, URI url) {
    String id() {
        return InteropKeys.identity(instance);
    }
}
