package org.cimforge.runtime.indication;

import java.lang.reflect.Array;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.cimforge.runtime.indication.SubscriptionStore.Kind;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Who holds which interop objects, checked against the {@link SubscriptionQuotas}; not thread-safe (the registry
 * calls it under its own lock). Objects restored from the store have no known owner and count in the total only.
 */
final class QuotaBook {
    private final SubscriptionQuotas quotas;
    private final Map<Kind, Map<String, String>> owners = new EnumMap<>(Kind.class);

    QuotaBook(SubscriptionQuotas quotas) {
        this.quotas = quotas;
        for (Kind k : Kind.values()) {
            owners.put(k, new HashMap<>());
        }
    }

    /** Refuses, with CIM_ERR_SERVER_LIMITS_EXCEEDED, an instance that is too large or one more than a quota allows. */
    void check(Kind kind, String user, CIMInstance given) throws WBEMException {
        int chars = chars(given);
        if (chars > quotas.maxInstanceChars()) {
            throw exceeded("the " + name(kind) + " holds " + chars + " characters of text; at most "
                    + quotas.maxInstanceChars() + " are accepted");
        }
        Map<String, String> held = owners.get(kind);
        if (held.size() >= quotas.total()) {
            throw exceeded("the server already holds " + held.size() + " " + name(kind) + "s, its limit");
        }
        if (user != null) {
            long mine = held.values().stream().filter(user::equals).count();
            if (mine >= quotas.perUser()) {
                throw exceeded("user " + user + " already holds " + mine + " " + name(kind) + "s, the limit per user");
            }
        }
    }

    /** Whether a restored object still fits the total and the size limit (else it is skipped at start). */
    String refusalOfRestored(Kind kind, CIMInstance stored) {
        if (chars(stored) > quotas.maxInstanceChars()) {
            return "it holds more than " + quotas.maxInstanceChars() + " characters of text";
        }
        if (owners.get(kind).size() >= quotas.total()) {
            return "the server's limit of " + quotas.total() + " " + name(kind) + "s is reached";
        }
        return null;
    }

    void add(Kind kind, String id, String user) {
        owners.get(kind).put(id, user);
    }

    /** The user who created an object (null when anonymous or unknown), kept with it in the store. */
    String owner(Kind kind, String id) {
        return owners.get(kind).get(id);
    }

    void remove(Kind kind, String id) {
        owners.get(kind).remove(id);
    }

    int count(Kind kind) {
        return owners.get(kind).size();
    }

    private static int chars(CIMInstance instance) {
        long total = 0;
        for (CIMProperty<?> p : instance.getProperties()) {
            Object v = p.getValue();
            if (v instanceof String s) {
                total += s.length();
            } else if (v != null && v.getClass().isArray()) {
                for (int i = 0; i < Array.getLength(v); i++) {
                    if (Array.get(v, i) instanceof String s) {
                        total += s.length();
                    }
                }
            }
            total += p.getName().length();
        }
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    private static String name(Kind kind) {
        return switch (kind) {
            case FILTER -> "indication filter";
            case DESTINATION -> "listener destination";
            case SUBSCRIPTION -> "subscription";
        };
    }

    private static WBEMException exceeded(String message) {
        return new WBEMException(WBEMException.CIM_ERR_SERVER_LIMITS_EXCEEDED, message);
    }
}
