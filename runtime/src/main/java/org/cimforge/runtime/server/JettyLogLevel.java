package org.cimforge.runtime.server;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Keeps Jetty's start-up chatter (version banner, one line per connector and certificate) off a server's console:
 * Jetty logs through SLF4J, which the runtime routes to java.util.logging, and at INFO it prints six lines a start.
 */
final class JettyLogLevel {
    static final String LOGGER = "org.eclipse.jetty";

    // java.util.logging holds loggers weakly; the level set on one that nobody references is lost at the next GC.
    private static Logger jetty;

    private JettyLogLevel() {
    }

    /**
     * Sets Jetty's loggers to WARNING unless the user's logging configuration names a level for them
     * ({@code org.eclipse.jetty.level} in logging.properties), which then wins.
     */
    static synchronized void quietUnlessConfigured() {
        if (jetty != null || LogManager.getLogManager().getProperty(LOGGER + ".level") != null) {
            return;
        }
        jetty = Logger.getLogger(LOGGER);
        if (jetty.getLevel() == null) {
            jetty.setLevel(Level.WARNING);
        }
    }
}
