package org.cimforge.sample;

import java.security.SecureRandom;

/** Makes passwords for the sample's HTTP Basic authentication. */
public final class PasswordGenerator {
    /** Characters per password: 20 letters and digits carry about 119 bits. */
    public static final int LENGTH = 20;
    // Letters and digits only: the password goes into URLs (wbemcli's http://user:password@host) and shells,
    // where anything else would need quoting or escaping.
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SecureRandom random;

    /** A generator drawing from {@code random}. */
    public PasswordGenerator(SecureRandom random) {
        this.random = random;
    }

    /** A fresh password of {@link #LENGTH} letters and digits. */
    public String next() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
