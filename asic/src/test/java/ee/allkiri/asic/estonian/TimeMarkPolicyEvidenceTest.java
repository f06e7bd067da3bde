package ee.allkiri.asic.estonian;

import static ee.allkiri.asic.estonian.BothPaths.severities;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Profile;
import ee.allkiri.core.Severity;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.SubIndication;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.Level;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A signature that names the BDOC time-mark policy must be a time-mark signature (issue 16,
 * point 1): with time-stamp based evidence (T, LT, LTA) it is TM_POLICY_WITH_TIMESTAMP,
 * TOTAL_FAILED, as SiVa decides ("Invalid signature format for BDOC policy").
 */
class TimeMarkPolicyEvidenceTest {

    private static final ContainerForge FORGE = BothPaths.forge();
    private static final DataFile DOC = FORGE.document();

    private static ContainerReport verify(BothPaths path, Level level, boolean policy, String name) {
        return path.verifier().verify(FORGE.container(List.of(DOC), List.of(FORGE.spec(FORGE.personas().idCard(), DOC)
                .level(level).policy(policy).build())), name);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void anLtSignatureNamingTheTimeMarkPolicyFails(BothPaths path) {
        ContainerReport report = verify(path, Level.LT, true, "tm-policy-lt.asice");

        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.profile()).isEqualTo(Profile.LT);
        assertThat(severities(report, FindingCode.TM_POLICY_WITH_TIMESTAMP)).containsExactly(Severity.ERROR);
        assertThat(signature.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(signature.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void anLtaSignatureNamingTheTimeMarkPolicyFails(BothPaths path) {
        ContainerReport report = verify(path, Level.LTA, true, "tm-policy-lta.asice");

        assertThat(report.signatures().get(0).profile()).isEqualTo(Profile.LTA);
        assertThat(severities(report, FindingCode.TM_POLICY_WITH_TIMESTAMP)).containsExactly(Severity.ERROR);
        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_FAILED);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aTSignatureNamingTheTimeMarkPolicyFails(BothPaths path) {
        ContainerReport report = verify(path, Level.T, true, "tm-policy-t.asice");

        assertThat(severities(report, FindingCode.TM_POLICY_WITH_TIMESTAMP)).containsExactly(Severity.ERROR);
        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_FAILED);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void theTimeMarkSignatureAndAnLtSignatureWithoutThePolicyPass(BothPaths path) {
        ContainerReport timeMark = path.verifier().verify(FORGE.container(List.of(DOC), List.of(
                FORGE.spec(FORGE.personas().plainIdCard(), DOC).level(Level.LT_TM).build())), "tm.bdoc");
        ContainerReport lt = verify(path, Level.LT, false, "lt.asice");

        assertThat(timeMark.valid()).as(timeMark.allFindings().toList().toString()).isTrue();
        assertThat(lt.valid()).isTrue();
        assertThat(timeMark.has(FindingCode.TM_POLICY_WITH_TIMESTAMP) || lt.has(FindingCode.TM_POLICY_WITH_TIMESTAMP)).isFalse();
    }
}
