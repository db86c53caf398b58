package org.cimforge.runtime.indication;

import java.util.List;

/**
 * Where filters, destinations and subscriptions survive a restart. Objects are kept as serialized CIM-XML instances
 * under a kind and an identity.
 */
interface SubscriptionStore extends AutoCloseable {
    /** What kind of interop object a stored row holds; also the order in which they are restored. */
    enum Kind { FILTER, DESTINATION, SUBSCRIPTION }

    /** One stored object and the user who created it (null when anonymous, or stored before owners were kept). */
    record Row(Kind kind, String id, String xml, String owner) {
    }

    /** Every stored object, filters first, then destinations, then subscriptions. */
    List<Row> load() throws StoreException;

    /** Stores (or replaces) an object created by {@code owner} (null: anonymous). */
    void save(Kind kind, String id, String xml, String owner) throws StoreException;

    /** Forgets an object; no error when it is not stored. */
    void delete(Kind kind, String id) throws StoreException;

    @Override
    void close();

    /** A store that keeps nothing: the service's in-memory maps are all there is. */
    SubscriptionStore NONE = new SubscriptionStore() {
        @Override
        public List<Row> load() {
            return List.of();
        }

        @Override
        public void save(Kind kind, String id, String xml, String owner) {
        }

        @Override
        public void delete(Kind kind, String id) {
        }

        @Override
        public void close() {
        }
    };

    /** A failure of the underlying storage. */
    final class StoreException extends Exception {
        private static final long serialVersionUID = 1L;

        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
