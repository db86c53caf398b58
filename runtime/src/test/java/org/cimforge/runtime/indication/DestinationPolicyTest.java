package org.cimforge.runtime.indication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** The listener destination policy, one rule per case of the security trial; no name here needs a DNS server. */
class DestinationPolicyTest {
    static final String CLIENT = "192.0.2.10";
    final DestinationPolicy defaults = new DestinationPolicy(List.of());

    static int refusal(DestinationPolicy policy, String url) {
        try {
            policy.check(URI.create(url), CLIENT);
            return 0;
        } catch (WBEMException e) {
            return e.getID();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:5990/", "http://127.8.9.10/x", "https://localhost:5990",
        "http://[::1]:5990/", "http://[::ffff:127.0.0.1]:5990/", "http://192.0.2.10:5990/listener"})
    void loopbackAndTheClientsOwnAddressAreAdmitted(String url) {
        assertThat(refusal(defaults, url)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data", "http://10.0.0.1:5990/",
        "http://192.168.1.1/", "http://[::ffff:10.0.0.1]:5990/", "http://[fe80::1]/", "http://0.0.0.0:5990/",
        "http://192.0.2.11:5990/"})
    void otherAddressesAreAccessDenied(String url) {
        assertThat(refusal(defaults, url)).isEqualTo(WBEMException.CIM_ERR_ACCESS_DENIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://0x0a000001:5990/", "http://167772161/", "http://012.0.0.1/",
        "http://admin:secret@127.0.0.1:5990/", "http://bad_host:5990/"})
    void malformedHostsAndCredentialsAreInvalid(String url) {
        assertThat(refusal(defaults, url)).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
    }

    @Test
    void aHostOfSeventyThousandCharactersIsInvalid() {
        String url = "http://" + "a".repeat(70_000) + ":5990/";
        assertThat(refusal(defaults, url)).isEqualTo(WBEMException.CIM_ERR_INVALID_PARAMETER);
    }

    @Test
    void theAllowListAdmitsItsRangesAndNamesOnly() {
        DestinationPolicy policy = new DestinationPolicy(List.of("10.1.0.0/16", "198.51.100.7", "2001:db8::/32",
                "localhost"));
        assertThat(refusal(policy, "http://10.1.2.3:5990/")).isZero();
        assertThat(refusal(policy, "http://198.51.100.7/")).isZero();
        assertThat(refusal(policy, "http://[2001:db8::5]/")).isZero();
        assertThat(refusal(policy, "http://10.2.0.1:5990/")).isEqualTo(WBEMException.CIM_ERR_ACCESS_DENIED);
        assertThat(refusal(policy, "http://198.51.100.8/")).isEqualTo(WBEMException.CIM_ERR_ACCESS_DENIED);
    }

    @Test
    void aMalformedAllowListEntryIsRefusedWhenConfigured() {
        assertThatThrownBy(() -> DeliverySettings.defaults().withAllowedDestinations("10.0.0.0/40"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix");
        assertThatThrownBy(() -> DeliverySettings.defaults().withAllowedDestinations("not a host"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither");
        assertThatCode(() -> DeliverySettings.defaults().withAllowedDestinations("listener.example", "10.0.0.0/8"))
                .doesNotThrowAnyException();
    }
}
