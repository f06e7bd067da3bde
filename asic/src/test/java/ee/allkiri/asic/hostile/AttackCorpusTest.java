package ee.allkiri.asic.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attack corpus: every hostile container is refused (not TOTAL_PASSED) with the finding
 * code that names the attack, within the time budget and allocating less than 512 MiB in all
 * threads (an upper bound of the heap it can take), both by the verifier with the fast path and
 * by the one that lets DSS judge every signature.
 */
class AttackCorpusTest {

    static Stream<Arguments> attacks() {
        List<Attack> all = new ArrayList<>();
        all.addAll(ZipAttacks.all());
        all.addAll(XmlAttacks.all());
        all.addAll(SignatureAttacks.all());
        return all.stream().flatMap(a -> Stream.of(Arguments.of(a, "fast path"), Arguments.of(a, "DSS only")));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("attacks")
    @DisplayName("a hostile container is refused with the code that names the attack")
    void refused(Attack attack, String mode) {
        Verifier verifier = mode.equals("fast path") ? Hostile.fast() : Hostile.full();
        byte[] container = attack.bytes().get();

        long allocatedBefore = allocated();
        ContainerReport report = verifier.verify(container, "hostile.asice");
        long allocated = allocated() - allocatedBefore;

        assertThat(report.indication()).as(attack.name()).isNotEqualTo(Indication.TOTAL_PASSED);
        assertThat(codes(report)).as(attack.name()).contains(attack.code()).doesNotContain(FindingCode.LIMIT_TIME);
        assertThat(allocated).as("bytes allocated by all threads while verifying").isLessThan(MAX_ALLOCATED);
    }

    /** Memory bound: all threads together allocate less than this while verifying one hostile container. */
    private static final long MAX_ALLOCATED = 512L << 20;

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private static List<FindingCode> codes(ContainerReport report) {
        return report.allFindings().map(Finding::code).toList();
    }
}
