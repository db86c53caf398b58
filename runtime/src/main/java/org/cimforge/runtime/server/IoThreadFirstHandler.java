package org.cimforge.runtime.server;

import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The server's front handler: answers requests that need no waiting on the connection's I/O thread (see {@link
 * CimHttpHandler#handleOnIoThread}) and hands every other request to a worker thread, where the wrapped handlers
 * (the per-address thread limit, then {@link CimHttpHandler#handle}) may wait for a body, a provider or the client.
 * It tells Jetty it never blocks, which is what lets Jetty call it on the I/O thread at all.
 */
final class IoThreadFirstHandler extends Handler.Wrapper {
    private final CimHttpHandler cim;

    IoThreadFirstHandler(CimHttpHandler cim, Handler onWorker) {
        super(onWorker);
        this.cim = cim;
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Runnable toWorker = () -> toWorker(request, response, callback);
        if (!cim.handleOnIoThread(request, response, callback, toWorker)) {
            toWorker.run();
        }
        return true;
    }

    private void toWorker(Request request, Response response, Callback callback) {
        try {
            getServer().getThreadPool().execute(() -> onWorker(request, response, callback));
        } catch (RejectedExecutionException e) {
            response.getHeaders().put("Connection", "close");
            EarlyAnswer.send(response, callback, 503, null, "server is stopping");
        }
    }

    private void onWorker(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable failure) {
            Response.writeError(request, response, callback, failure);
        }
    }
}
