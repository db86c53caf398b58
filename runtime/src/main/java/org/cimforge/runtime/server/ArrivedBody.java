package org.cimforge.runtime.server;

import org.cimforge.runtime.cimxml.XmlNode;
import org.cimforge.runtime.server.dispatch.CimDispatcher;

/**
 * What the I/O thread learnt of a request it hands to a worker ({@link BodyOnIoThread}): the user its credentials
 * name (its headers passed every check), {@code count} bytes of the declared body, whether all of it is here, the
 * parsed document and the decoded request when they got that far, and the body deadline still running when not all
 * of the body is here.
 */
record ArrivedBody(String user, byte[] body, int count, boolean ended, XmlNode root, CimDispatcher.Prepared prepared,
                   Deadlines.Armed deadline) {
    /** The request attribute that carries it to the worker. */
    static final String ATTRIBUTE = ArrivedBody.class.getName();
}
