package org.cimforge.runtime.indication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cimforge.runtime.server.CimServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Bad filters, destinations and subscriptions get located errors with the right CIM status codes. */
class SubscriptionErrorsTest {
    static CimServer server;
    static WBEMClient client;

    @BeforeAll
    static void start() throws Exception {
        server = IndicationFixture.server(null, IndicationFixture.SHORT_RETRIES);
        client = IndicationFixture.client(server);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.stop();
    }

    static void fails(int code, String messagePart, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WBEMException.class, e -> {
            assertThat(e.getID()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Test
    void unparsableQueriesNameTheColumn() {
        fails(WBEMException.CIM_ERR_INVALID_PARAMETER, "at column 40: expected a comparison operator",
                () -> IndicationFixture.filter(client, "bad", "SELECT * FROM CIM_InstCreation WHERE X Y"));
        fails(WBEMException.CIM_ERR_INVALID_PARAMETER, "Query is required",
                () -> IndicationFixture.filter(client, "empty", " "));
    }

    @Test
    void unknownQueryLanguagesAreRefused() {
        fails(WBEMException.CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED, "'SQL'",
                () -> IndicationFixture.filter(client, "sql", IndicationFixture.CREATED, "SQL"));
    }

    @Test
    void theFromClassMustBeAKnownIndicationClass() {
        fails(WBEMException.CIM_ERR_INVALID_PARAMETER, "TST_NoSuchIndication in FROM is not known",
                () -> IndicationFixture.filter(client, "nosuch", "SELECT * FROM TST_NoSuchIndication"));
        fails(WBEMException.CIM_ERR_INVALID_PARAMETER, "TST_Volume in FROM is not an indication class",
                () -> IndicationFixture.filter(client, "volume", "SELECT * FROM TST_Volume"));
    }

    @Test
    void sourceNamespacesMustBeServed() {
        fails(WBEMException.CIM_ERR_INVALID_PARAMETER, "source namespace 'root/nowhere'",
                () -> client.createInstance(new CIMInstance(IndicationFixture.interopClass("CIM_IndicationFilter"),
                        new CIMProperty<?>[] {
                            new CIMProperty<>("Name", CIMDataType.STRING_T, "nowhere"),
                            new CIMProperty<>("Query", CIMDataType.STRING_T, IndicationFixture.CREATED),
                            new CIMProperty<>("QueryLanguage", CIMDataType.STRING_T, "WQL"),
                            new CIMProperty<>("SourceNamespace", CIMDataType.STRING_T, "root/nowhere")})));
    }

    @Test
    void destinationsMustBeHttpUrls() throws Exception {
        fails(WBEMException.CIM_ERR_INVALID_PARAMETER, "must be an http or https URL",
                () -> IndicationFixture.destination(client, "ftp", "ftp://127.0.0.1/x"));
        fails(WBEMException.CIM_ERR_INVALID_PARAMETER, "Destination is required",
                () -> client.createInstance(new CIMInstance(
                        IndicationFixture.interopClass("CIM_ListenerDestinationCIMXML"),
                        new CIMProperty<?>[] {new CIMProperty<>("Name", CIMDataType.STRING_T, "nowhere")})));
        fails(WBEMException.CIM_ERR_INVALID_PARAMETER, "Protocol 4 is not supported",
                () -> client.createInstance(new CIMInstance(
                        IndicationFixture.interopClass("CIM_ListenerDestinationCIMXML"), new CIMProperty<?>[] {
                            new CIMProperty<>("Name", CIMDataType.STRING_T, "wsman"),
                            new CIMProperty<>("Destination", CIMDataType.STRING_T, "http://127.0.0.1:1"),
                            new CIMProperty<>("Protocol", CIMDataType.UINT16_T, new UnsignedInteger16(4))})));
        fails(WBEMException.CIM_ERR_NOT_SUPPORTED, "abstract",
                () -> client.createInstance(new CIMInstance(IndicationFixture.interopClass("CIM_ListenerDestination"),
                        new CIMProperty<?>[] {
                            new CIMProperty<>("Name", CIMDataType.STRING_T, "abstract"),
                            new CIMProperty<>("Destination", CIMDataType.STRING_T, "http://127.0.0.1:1")})));

        // Without a scheme, http is assumed; missing keys are filled in.
        CIMObjectPath plain = IndicationFixture.withNamespace(
                IndicationFixture.destination(client, "plain", "127.0.0.1:5990"));
        CIMInstance read = client.getInstance(plain, false, false, null);
        assertThat(read.getPropertyValue("CreationClassName")).isEqualTo("CIM_ListenerDestinationCIMXML");
        assertThat(read.getPropertyValue("SystemCreationClassName")).isEqualTo("CIM_ComputerSystem");
        assertThat(read.getPropertyValue("SystemName")).isNotNull();
        client.deleteInstance(plain);
    }

    @Test
    void destinationsOutsideThePolicyAreRefusedOverHttp() {
        // The test client is at 127.0.0.1, so only loopback passes: a metadata address, a private range, a numeric
        // spelling and credentials in the URL do not.
        fails(WBEMException.CIM_ERR_ACCESS_DENIED, "neither a loopback address nor the address of the client",
                () -> IndicationFixture.destination(client, "meta", "http://169.254.169.254/latest"));
        fails(WBEMException.CIM_ERR_ACCESS_DENIED, "(10.0.0.1)",
                () -> IndicationFixture.destination(client, "mapped", "http://[::ffff:10.0.0.1]:5990/"));
        fails(WBEMException.CIM_ERR_INVALID_PARAMETER, "is not a host name",
                () -> IndicationFixture.destination(client, "hex", "http://0x7f000001:5990/"));
        fails(WBEMException.CIM_ERR_INVALID_PARAMETER, "must not carry credentials",
                () -> IndicationFixture.destination(client, "creds", "http://u:p@127.0.0.1:5990/"));
    }

    @Test
    void subscriptionsNeedExistingFilterAndHandler() throws Exception {
        CIMObjectPath destination = IndicationFixture.destination(client, "d1", "http://127.0.0.1:1/");
        CIMObjectPath filter = IndicationFixture.filter(client, "f1", IndicationFixture.CREATED);
        CIMObjectPath missingFilter = new CIMObjectPath(null, null, null, IndicationFixture.INTEROP,
                "CIM_IndicationFilter", new CIMProperty<?>[] {
                    new CIMProperty<>("Name", CIMDataType.STRING_T, "nope", true, false, null)});
        fails(WBEMException.CIM_ERR_NOT_FOUND, "no indication filter",
                () -> IndicationFixture.subscribe(client, missingFilter, destination, null));
        fails(WBEMException.CIM_ERR_INVALID_PARAMETER, "Handler is required",
                () -> client.createInstance(new CIMInstance(
                        IndicationFixture.interopClass("CIM_IndicationSubscription"), new CIMProperty<?>[] {
                            new CIMProperty<>("Filter", new CIMDataType("CIM_IndicationFilter"),
                                    IndicationFixture.withNamespace(filter))})));
        fails(WBEMException.CIM_ERR_INVALID_PARAMETER, "OnFatalErrorPolicy 9",
                () -> IndicationFixture.subscribe(client, filter, destination, 9));

        CIMObjectPath subscription = IndicationFixture.withNamespace(
                IndicationFixture.subscribe(client, filter, destination, null));
        fails(WBEMException.CIM_ERR_ALREADY_EXISTS, "already exists",
                () -> IndicationFixture.subscribe(client, filter, destination, null));
        fails(WBEMException.CIM_ERR_ALREADY_EXISTS, "already exists",
                () -> IndicationFixture.filter(client, "f1", IndicationFixture.CREATED));
        fails(WBEMException.CIM_ERR_ALREADY_EXISTS, "already exists",
                () -> IndicationFixture.destination(client, "d1", "http://127.0.0.1:2/"));

        // Still referenced: refused until the subscription is gone.
        fails(WBEMException.CIM_ERR_FAILED, "still used by a subscription",
                () -> client.deleteInstance(IndicationFixture.withNamespace(filter)));
        fails(WBEMException.CIM_ERR_FAILED, "still used by a subscription",
                () -> client.deleteInstance(IndicationFixture.withNamespace(destination)));

        fails(WBEMException.CIM_ERR_NOT_SUPPORTED, "cannot be modified",
                () -> client.modifyInstance(client.getInstance(IndicationFixture.withNamespace(filter), false, false,
                        null), null));
        fails(WBEMException.CIM_ERR_INVALID_PARAMETER, "SubscriptionState 7",
                () -> client.modifyInstance(new CIMInstance(subscription, new CIMProperty<?>[] {
                    new CIMProperty<>("SubscriptionState", CIMDataType.UINT16_T, new UnsignedInteger16(7))}),
                        new String[] {"SubscriptionState"}));
        fails(WBEMException.CIM_ERR_NOT_SUPPORTED, "SubscriptionStartTime",
                () -> client.modifyInstance(new CIMInstance(subscription, new CIMProperty<?>[] {
                    new CIMProperty<>("SubscriptionStartTime", CIMDataType.DATETIME_T,
                            new org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute("20200101000000.000000+000"))}),
                        new String[] {"SubscriptionStartTime"}));

        client.deleteInstance(subscription);
        fails(WBEMException.CIM_ERR_NOT_FOUND, "no subscription", () -> client.deleteInstance(subscription));
        client.deleteInstance(IndicationFixture.withNamespace(filter));
        client.deleteInstance(IndicationFixture.withNamespace(destination));
        fails(WBEMException.CIM_ERR_NOT_FOUND, "no indication filter",
                () -> client.deleteInstance(IndicationFixture.withNamespace(filter)));
        fails(WBEMException.CIM_ERR_NOT_FOUND, "no instance",
                () -> client.getInstance(IndicationFixture.withNamespace(destination), false, false, null));
    }
}
