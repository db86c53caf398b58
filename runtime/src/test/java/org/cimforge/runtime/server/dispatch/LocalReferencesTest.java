package org.cimforge.runtime.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Which hosts in a client's object path count as this server (issue 25): each rule of runtime/README "Security". */
class LocalReferencesTest {

    @Test
    void loopbackNamesAndAddressesAreLocalWithOrWithoutAPort() {
        for (String host : new String[] {"", " ", "localhost", "LOCALHOST", "localhost.", "array.localhost",
            "127.0.0.1", "127.1.2.3", "127.0.0.1:5989", "::1", "[::1]", "[::1]:5989", "0:0:0:0:0:0:0:1",
            "::ffff:127.0.0.1"}) {
            assertThat(LocalReferences.isLocal(host, null)).as(host).isTrue();
        }
    }

    @Test
    void theNameTheClientAddressedIsLocalWhateverItIs() {
        assertThat(LocalReferences.isLocal("array.example.com", "array.example.com")).isTrue();
        assertThat(LocalReferences.isLocal("Array.Example.Com:5989", "array.example.com")).isTrue();
        assertThat(LocalReferences.isLocal("array.example.com", "other.example.com")).isFalse();
    }

    @Test
    void thisMachinesInterfaceAddressesAndHostNameAreLocal() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                String text = a.getHostAddress();
                String bare = text.contains("%") ? text.substring(0, text.indexOf('%')) : text;
                assertThat(LocalReferences.isLocal(bare.contains(":") ? "[" + bare + "]" : bare, null)).as(text)
                        .isTrue();
            }
        }
        assertThat(LocalReferences.isLocal(InetAddress.getLocalHost().getHostName(), null)).isTrue();
    }

    @Test
    void otherHostsAreForeign() {
        for (String host : new String[] {"10.0.0.1", "10.0.0.1:5989", "169.254.169.254", "192.0.2.1", "[2001:db8::1]",
            "2001:db8::1", "::ffff:192.0.2.1", "0.0.0.0", "example.com", "localhost.example.com", "0x7f000001",
            "2130706433", "127.0.0.1.example.com", "999.0.0.1", "[zz::1]", "1:2:3"}) {
            assertThat(LocalReferences.isLocal(host, "127.0.0.1")).as(host).isFalse();
        }
    }

    @Test
    void bareHostDropsPortBracketsZoneAndTrailingDot() {
        assertThat(LocalReferences.bareHost("Array.Example.COM.:5989")).isEqualTo("array.example.com");
        assertThat(LocalReferences.bareHost("[fe80::1%eth0]:5989")).isEqualTo("fe80::1");
        assertThat(LocalReferences.bareHost("fe80::1")).isEqualTo("fe80::1");
    }
}
