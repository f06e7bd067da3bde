package ee.allkiri.asic.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.redteam.Judges.Route;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Indication;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The red team's forged containers (issue #12): every one must be refused, not TOTAL_PASSED,
 * with the finding code that names what it tries, both by the verifier with the fast path and by
 * the one that validates fully. The attacks are in the catalogue classes of this package, one per
 * family; docs/red-team.md has the table of what main caught when they were written.
 */
class RedTeamTest {

    static Stream<Arguments> attacks() {
        return onBothRoutes(RedTeam.attacks());
    }

    /** Each attack on the fast path and in full validation. */
    static Stream<Arguments> onBothRoutes(List<RedTeamAttack> attacks) {
        return attacks.stream()
                .flatMap(a -> Stream.of(Arguments.of(a, Route.FAST_PATH), Arguments.of(a, Route.FULL_VALIDATION)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("attacks")
    @DisplayName("a forged container is refused with the code that names the attack")
    void refused(RedTeamAttack attack, Route route) {
        assertRefused(attack, route);
    }

    /** Not TOTAL_PASSED, and the attack's expected code (naming its file, where it names one) among the findings. */
    static void assertRefused(RedTeamAttack attack, Route route) {
        Judgement judgement = Judgement.of(attack, route);
        for (ContainerReport report : judgement.reports()) {
            assertThat(report.indication()).as("%s, findings %s", attack, Judgement.codes(report))
                    .isNotEqualTo(Indication.TOTAL_PASSED);
            assertThat(judgement.expectedFound(report))
                    .as("%s: %s%s among %s", attack, attack.expected(),
                            attack.namedFile() == null ? "" : " naming " + attack.namedFile(), report.allFindings().toList())
                    .isTrue();
        }
    }
}
