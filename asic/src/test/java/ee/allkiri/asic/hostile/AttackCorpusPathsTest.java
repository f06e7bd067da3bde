package ee.allkiri.asic.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.fuzz.PathAgreement;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential oracle over the attack corpus: on every hostile container the verifier with
 * the fast path (primed with every valid variant) and the one that lets DSS judge every signature
 * reach the same verdict ({@link PathAgreement}). {@link AttackCorpusTest} holds each path to the
 * attack's code; this holds the two paths to each other.
 */
class AttackCorpusPathsTest {

    static Stream<Attack> attacks() {
        List<Attack> all = new ArrayList<>();
        all.addAll(ZipAttacks.all());
        all.addAll(XmlAttacks.all());
        all.addAll(SignatureAttacks.all());
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    @DisplayName("the fast path and DSS only agree on a hostile container")
    void pathsAgree(Attack attack) {
        byte[] container = attack.bytes().get();

        ContainerReport fast = Hostile.fast().verify(container, "hostile.asice");
        ContainerReport full = Hostile.full().verify(container, "hostile.asice");

        assertThat(fast.has(FindingCode.LIMIT_TIME) || full.has(FindingCode.LIMIT_TIME)).as("over the time budget").isFalse();
        assertThat(PathAgreement.disagreements(fast, full)).as(attack.name()).isEmpty();
    }
}
