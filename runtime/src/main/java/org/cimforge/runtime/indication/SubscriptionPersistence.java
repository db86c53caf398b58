package org.cimforge.runtime.indication;

import java.util.List;
import org.cimforge.runtime.indication.SubscriptionStore.Kind;
import org.cimforge.runtime.indication.SubscriptionStore.StoreException;
import org.cimforge.runtime.spi.CimClassRepository;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The interop objects as the {@link SubscriptionStore} keeps them: CIM-XML instances by kind and id. A store that
 * fails turns into CIM_ERR_FAILED for the client whose change could not be kept.
 */
final class SubscriptionPersistence {
    private final SubscriptionStore store;
    private final CimClassRepository repository;
    private final String namespace;
    private final String systemName;

    SubscriptionPersistence(SubscriptionStore store, CimClassRepository repository, String namespace,
                            String systemName) {
        this.store = store;
        this.repository = repository;
        this.namespace = namespace;
        this.systemName = systemName;
    }

    /** What the store holds, in the order it was saved. */
    List<SubscriptionStore.Row> rows() throws StoreException {
        return store.load();
    }

    /** A stored row read back as an instance of the interop namespace. */
    CIMInstance read(SubscriptionStore.Row row) {
        return InstanceXml.read(row.xml(), namespace, repository);
    }

    void save(Kind kind, String id, CIMInstance instance, String owner) throws WBEMException {
        try {
            store.save(kind, id, InstanceXml.write(instance, namespace, systemName), owner);
        } catch (StoreException e) {
            throw new WBEMException(WBEMException.CIM_ERR_FAILED, e.getMessage());
        }
    }

    void delete(Kind kind, String id) throws WBEMException {
        try {
            store.delete(kind, id);
        } catch (StoreException e) {
            throw new WBEMException(WBEMException.CIM_ERR_FAILED, e.getMessage());
        }
    }
}
