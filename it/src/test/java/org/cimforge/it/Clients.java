package org.cimforge.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.security.auth.Subject;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

/** The SBLIM CIM client, used generically (plain CIMInstance and invokeMethod), as any SMI-S client would. */
final class Clients {
    private Clients() {
    }

    /** A logged-in client for the provider's HTTP port. */
    static WBEMClient sblim(SampleProcess sample) throws WBEMException {
        return sblim("http", sample.httpPort(), SampleProcess.USER, SampleProcess.PASSWORD);
    }

    static WBEMClient sblim(String scheme, int port, String user, String password) throws WBEMException {
        WBEMClient client = WBEMClientFactory.getClient(WBEMClientConstants.PROTOCOL_CIMXML);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrivateCredentials().add(new PasswordCredential(password));
        client.initialize(new CIMObjectPath(scheme, "127.0.0.1", String.valueOf(port), null, null, null), subject,
                new Locale[] {Locale.US});
        return client;
    }

    static CIMObjectPath classPath(String namespace, String className) {
        return new CIMObjectPath(null, null, null, namespace, className, null);
    }

    static <T> List<T> drain(CloseableIterator<T> it) throws WBEMException {
        List<T> out = new ArrayList<>();
        try {
            while (it.hasNext()) {
                out.add(it.next());
            }
            WBEMException failure = it.getWBEMException();
            if (failure != null) {
                throw failure;
            }
        } finally {
            it.close();
        }
        return out;
    }
}
