package org.cimforge.runtime.indication;

/**
 * How many indication filters, listener destinations and subscriptions clients may create, and how large each may
 * be: everything a client can create is bounded, so no client can fill the server's memory or its subscription
 * database (which would also stop every later start).
 *
 * @param perUser          of each kind, what one user may hold at once (default 100)
 * @param total            of each kind, what the server holds at once, restored ones included (default 1,000)
 * @param maxInstanceChars the characters of all string values of one created instance together (default 65,536)
 */
public record SubscriptionQuotas(int perUser, int total, int maxInstanceChars) {
    /** Validates. */
    public SubscriptionQuotas {
        if (perUser < 1 || total < 1 || maxInstanceChars < 1) {
            throw new IllegalArgumentException("quotas must be at least 1");
        }
    }

    /** The defaults described above. */
    public static SubscriptionQuotas defaults() {
        return new SubscriptionQuotas(100, 1_000, 65_536);
    }
}
