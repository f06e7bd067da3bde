package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.core.spi.RevocationSource;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import ee.allkiri.trustlist.EmbeddedSnapshots;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The builder says what is required (trust, first) and refuses settings that contradict each other, naming them. */
class VerifierBuilderTest {

    private static final RevocationSource NEVER_ASKED = (certificate, issuer) -> {
        throw new AssertionError("not asked while building");
    };

    private static Verifier.Builder anchors() {
        return Verifier.builder().trust(new CertificateFolderTrustSource(Fixtures.trust()));
    }

    @Test
    @DisplayName("trust is the first stage: its only methods are trust(...), and only they lead to build()")
    void trustComesFirst() throws Exception {
        Method builder = Verifier.class.getMethod("builder");
        assertThat(builder.getReturnType()).isEqualTo(Verifier.TrustStage.class);

        List<Method> offered = Arrays.stream(Verifier.TrustStage.class.getMethods())
                .filter(m -> m.getDeclaringClass() == Verifier.TrustStage.class).toList();
        assertThat(offered).isNotEmpty().allSatisfy(m -> {
            assertThat(m.getName()).isEqualTo("trust");
            assertThat(m.getReturnType()).isEqualTo(Verifier.Builder.class);
        });
        assertThat(Verifier.TrustStage.class.getConstructors()).isEmpty();
        assertThat(Verifier.Builder.class.getConstructors()).isEmpty();
        assertThat(Modifier.isFinal(Verifier.TrustStage.class.getModifiers())).isTrue();
        assertThat(Verifier.TrustStage.class.getMethod("trust", ee.allkiri.core.spi.TrustSource.class,
                ee.allkiri.core.spi.TrustSource[].class).getParameterCount()).as("one source is required, more may follow")
                .isEqualTo(2);
    }

    @Test
    @DisplayName("an empty list of trust sources is refused")
    void emptyTrustIsRefused() {
        assertThatThrownBy(() -> Verifier.builder().trust(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("clock() with validationTime() is refused at build(), naming both")
    void clockAndValidationTime() {
        Verifier.Builder both = anchors().clock(Clock.systemUTC()).validationTime(Fixtures.AT);

        assertThatThrownBy(both::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clock(").hasMessageContaining("validationTime(");
    }

    @Test
    @DisplayName("a revocation source (status now) with a fixed past validation time is refused, naming both")
    void onlineStatusWithAPastValidationTime() {
        Verifier.Builder both = anchors().revocationSource(NEVER_ASKED).validationTime(Fixtures.AT);

        assertThatThrownBy(both::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("revocationSource(").hasMessageContaining("validationTime(");
    }

    @Test
    @DisplayName("a revocation source with a validation time of now (as the command line fixes the run's start) builds")
    void onlineStatusWithTheTimeOfTheRun() throws Exception {
        Verifier verifier = anchors().revocationSource(NEVER_ASKED).validationTime(Instant.now().minusSeconds(5)).build();

        assertThat(verifier.trust().services()).isNotEmpty();
        assertThat(Verifier.Builder.ONLINE_TIME_TOLERANCE).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    @DisplayName("rejecting and accepting stale trusted lists are refused together, naming both")
    void staleListsBothWays() {
        Verifier.Builder both = anchors().rejectStaleTrustLists().acceptStaleTrustLists();

        assertThatThrownBy(both::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rejectStaleTrustLists()").hasMessageContaining("acceptStaleTrustLists()");
    }

    @Test
    @DisplayName("requireQualified() with plain anchors (no trusted-list data) is refused; with trusted lists it builds")
    void requireQualifiedNeedsTrustedLists() throws Exception {
        assertThatThrownBy(() -> anchors().requireQualified().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("requireQualified()").hasMessageContaining("trust(");

        Verifier listed = Verifier.builder().trust(EmbeddedSnapshots.source(EmbeddedSnapshots.EE_PROD))
                .requireQualified().build();
        assertThat(listed.trust().hasTrustedListData()).isTrue();
    }

    @Test
    @DisplayName("every contradiction is named at once")
    void allContradictionsAtOnce() {
        Verifier.Builder all = anchors().clock(Clock.systemUTC()).validationTime(Fixtures.AT).revocationSource(NEVER_ASKED)
                .rejectStaleTrustLists().acceptStaleTrustLists();

        assertThatThrownBy(all::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clock(").hasMessageContaining("revocationSource(")
                .hasMessageContaining("acceptStaleTrustLists()");
    }

    @Test
    @DisplayName("time-mark responders apply on top of the policy, whichever is set first")
    void respondersAndPolicyInEitherOrder() throws Exception {
        Set<String> responders = Set.of("SOME OTHER RESPONDER");

        VerificationPolicy before = anchors().timeMarkResponders(responders).policy(VerificationPolicy.EE_V1).validationTime(Fixtures.AT)
                .build().policy();
        VerificationPolicy after = anchors().policy(VerificationPolicy.EE_V1).timeMarkResponders(responders).validationTime(Fixtures.AT)
                .build().policy();

        assertThat(before).isEqualTo(after);
        assertThat(before.timeMarkResponders()).isEqualTo(responders);
    }
}
