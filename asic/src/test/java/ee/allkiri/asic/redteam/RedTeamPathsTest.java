package ee.allkiri.asic.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.fuzz.PathAgreement;
import ee.allkiri.asic.redteam.Judges.Route;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential oracle over the red team's forged containers (both rounds, and the weak RSA
 * keys): the verifier with the fast path (both its verifications: the first may teach it the
 * signer's class, the second is its own) and
 * the one that validates fully reach the same verdict ({@link PathAgreement}). {@link RedTeamTest}
 * holds each route to the attack's code; this holds the routes to each other.
 */
class RedTeamPathsTest {

    static List<RedTeamAttack> attacks() {
        List<RedTeamAttack> all = new ArrayList<>(RedTeam.attacks());
        all.addAll(RedTeam.secondRound());
        all.addAll(RedTeam.weakKeys());
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    @DisplayName("the fast path and full validation agree on a forged container")
    void pathsAgree(RedTeamAttack attack) {
        byte[] container = attack.container().get();

        List<ContainerReport> fast = Judgement.verify(attack.judges(), container, Route.FAST_PATH);
        ContainerReport full = Judgement.verify(attack.judges(), container, Route.FULL_VALIDATION).get(0);

        assertThat(full.has(FindingCode.LIMIT_TIME)).as("over the time budget").isFalse();
        for (ContainerReport report : fast) {
            assertThat(report.has(FindingCode.LIMIT_TIME)).as("over the time budget").isFalse();
            assertThat(PathAgreement.disagreements(report, full)).as(attack.toString()).isEmpty();
        }
    }
}
