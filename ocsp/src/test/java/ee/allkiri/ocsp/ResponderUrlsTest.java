package ee.allkiri.ocsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.testkit.pki.Authority;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.PersonaSpec;
import ee.allkiri.testkit.pki.TestPki;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResponderUrlsTest {

    static final Instant T = Instant.parse("2025-03-01T10:00:00Z");
    static final TestPki PKI = TestPki.builder().seed(6960).epoch(T).build();
    static final Authority CA = PKI.esteid2018();
    static final Persona WITH_AIA = PKI.persona(PersonaSpec.idCard("Aia", "Signer", "38001085718")
            .withOcspUrl("http://ocsp.example.test/ca"));

    @Test
    void configuredIssuerResponderWinsOverTheAia() {
        URI configured = URI.create("http://127.0.0.1:9/ocsp");
        ResponderUrls urls = new ResponderUrls(Map.of(CA.commonName(), configured), Set.of());
        assertThat(urls.resolve(WITH_AIA.certificate(), CA.certificate(), new StringBuilder())).contains(configured);
    }

    @Test
    void aiaUrlIsUsedOnlyWhenAllowListedIgnoringCaseOfSchemeAndHost() {
        StringBuilder why = new StringBuilder();
        assertThat(new ResponderUrls(Map.of(), Set.of()).resolve(WITH_AIA.certificate(), CA.certificate(), why)).isEmpty();
        assertThat(why).contains("not allow-listed");
        ResponderUrls allowed = new ResponderUrls(Map.of(), Set.of(URI.create("HTTP://OCSP.Example.test/ca")));
        assertThat(allowed.resolve(WITH_AIA.certificate(), CA.certificate(), new StringBuilder()))
                .contains(URI.create("http://ocsp.example.test/ca"));
    }

    @Test
    void onlyAbsoluteHttpUrlsAreAccepted() {
        assertThatThrownBy(() -> ResponderUrls.checked(URI.create("file:///etc/passwd"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResponderUrls.checked(URI.create("/relative"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ResponderUrls.checked(URI.create("https://ocsp.example.test"))).isNotNull();
    }

    @Test
    void clientRefusesTimeoutsBeyondAMinute() {
        assertThatThrownBy(() -> OcspClient.builder().readTimeout(Duration.ofMinutes(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcspClient.builder().connectTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
