package org.cimforge.sample.provider;

import org.cimforge.sample.bindings.cim.EnabledLogicalElement.RequestStateChangeArgs;
import org.cimforge.sample.bindings.cim.EnabledLogicalElement.RequestStateChangeResult;
import org.cimforge.sample.bindings.cim.Service.StartServiceResult;
import org.cimforge.sample.bindings.cim.Service.StopServiceResult;

/**
 * StartService, StopService and RequestStateChange of the array's services: they run for as long as the array does,
 * so starting (or enabling) one that runs succeeds with 0 and every other request is 1 Not Supported.
 */
final class ServiceStateMethods {
    private static final long NOT_SUPPORTED = 1;
    private static final int ENABLED = 2;

    private ServiceStateMethods() {
    }

    static StartServiceResult start() {
        return new StartServiceResult.Builder().returnValue(0L).build();
    }

    static StopServiceResult stop() {
        ArrayContext.refusal("StopService", (int) NOT_SUPPORTED, "the array's services cannot be stopped");
        return new StopServiceResult.Builder().returnValue(NOT_SUPPORTED).build();
    }

    static RequestStateChangeResult requestStateChange(RequestStateChangeArgs args) {
        Integer requested = Enums.number(args.getRequestedStateValue());
        long code = requested != null && requested == ENABLED ? 0 : ArrayContext.refusal("RequestStateChange",
                (int) NOT_SUPPORTED, "RequestedState " + requested + ": the array's services stay enabled");
        return new RequestStateChangeResult.Builder().returnValue(RequestStateChangeResult.ReturnCode.lookup(code))
                .build();
    }
}
