package ee.allkiri.asic.redteam;

import static ee.allkiri.asic.redteam.Forgery.container;
import static ee.allkiri.asic.redteam.Forgery.doc;
import static ee.allkiri.asic.redteam.Forgery.signer;
import static ee.allkiri.asic.redteam.Forgery.spec;
import static ee.allkiri.asic.redteam.Forgery.text;
import static ee.allkiri.asic.redteam.Forgery.tree;
import static ee.allkiri.asic.redteam.Forgery.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.redteam.Judges.Route;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Indication;
import ee.allkiri.core.audit.Audit;
import ee.allkiri.core.audit.AuditPolicy;
import ee.allkiri.core.audit.AuditReport;
import ee.allkiri.core.audit.Exclusion;
import ee.allkiri.testkit.xades.XmlNode;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Red team, second round (n): counting one signature twice in an initiative's audit. One
 * person's signature file copied into the container under a second name, as it is and with
 * the unsigned ds:Signature Id (and QualifyingProperties Target) changed so that the two look
 * like two signatures: the verifier may find both valid (each is the person's genuine signature),
 * but the audit counts the person once and names the copy a duplicate.
 */
class AuditDoubleCountTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Route.class)
    @DisplayName("the same signature file twice in one container counts once")
    void sameFileTwice(Route route) {
        byte[] signature = Forgery.sign(spec(signer(), doc()).build());
        assertCountedOnce(container(List.of(doc()), List.of(signature, signature.clone())), route);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Route.class)
    @DisplayName("a copy of the signature file with another ds:Signature Id (unsigned) counts once")
    void copyWithAnotherId(Route route) {
        XmlNode root = tree(spec(signer(), doc()).build());
        String original = text(root.document());
        String id = Forgery.signature(root).attribute("Id");
        String copy = original.replace("Id=\"" + id + "\"", "Id=\"" + id + "-copy\"")
                .replace("Target=\"#" + id + "\"", "Target=\"#" + id + "-copy\"");
        assertThat(copy).isNotEqualTo(original);
        assertCountedOnce(container(List.of(doc()), List.of(utf8(original), utf8(copy))), route);
    }

    private static void assertCountedOnce(byte[] container, Route route) {
        for (ContainerReport report : Judgement.verify(Judges.TEST_PKI, container, route)) {
            assertThat(report.signatures()).hasSize(2);
            AuditPolicy policy = AuditPolicy.forDocument(HexFormat.of().formatHex(doc().sha256())).acceptingTestCertificates();
            AuditReport audit = Audit.of(List.of(report), policy);
            assertThat(report.signatures()).as("each copy is the person's genuine signature")
                    .allMatch(s -> s.indication() == Indication.TOTAL_PASSED);
            assertThat(audit.summary().counted()).as("%s", audit.signatures()).isEqualTo(1);
            assertThat(audit.signatures()).filteredOn(s -> !s.counted())
                    .singleElement().satisfies(s -> assertThat(s.exclusions()).containsExactly(Exclusion.DUPLICATE_PERSON));
        }
    }
}
