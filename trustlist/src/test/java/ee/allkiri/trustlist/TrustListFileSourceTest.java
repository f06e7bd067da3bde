package ee.allkiri.trustlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.core.spi.TrustListInfo;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustedService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustListFileSourceTest {

    @Test
    void testListOfListsLoadsWithItsTrustedListFromBesideIt() throws IOException {
        TrustMaterial material = new TrustListFileSource(Fixtures.testTl().resolve("tl-mp-test-EE.xml"),
                Fixtures.certificates(Fixtures.testTl().resolve("trusted-test-tsl.pem"))).load();

        assertThat(material.lists()).extracting(TrustListInfo::kind, TrustListInfo::sequence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TrustListInfo.Kind.LIST_OF_LISTS, 7),
                        org.assertj.core.groups.Tuple.tuple(TrustListInfo.Kind.TRUSTED_LIST, 34));
        assertThat(material.services()).allMatch(TrustedService::isListed);
        assertThat(material.services()).extracting(s -> Certificates.sha256(s.certificate()))
                .contains("2291c167b5275152b53f1efa2c1805c9a15ec8def7120e56a3726a2959b31049");
    }

    @Test
    void productionListLoadsPinnedToItsOperatorAndIsStaleAfterItsNextUpdate() throws IOException {
        TrustMaterial material = new TrustListFileSource(Fixtures.prodTl(),
                Fixtures.certificates(Path.of("src/main/resources/ee/allkiri/trustlist/snapshots/ee-prod/signers/signer-1.pem"))).load();

        TrustListInfo list = material.lists().get(0);
        assertThat(list.sequence()).isEqualTo(65);
        assertThat(list.nextUpdate()).isEqualTo(Instant.parse("2024-12-12T03:00:10Z"));
        assertThat(list.isStaleAt(Instant.parse("2024-09-02T00:00:00Z"))).isFalse();
        assertThat(list.isStaleAt(Instant.parse("2025-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void listSignedByAnUnpinnedKeyIsRefused() throws IOException {
        assertThatThrownBy(() -> new TrustListFileSource(Fixtures.testTl().resolve("EE_T.xml"),
                Fixtures.certificates(Path.of("src/main/resources/ee/allkiri/trustlist/snapshots/ee-prod/signers/signer-1.pem"))).load())
                .isInstanceOf(IOException.class);
    }

    @Test
    void listOfListsWhosePointedListIsMissingIsRefused(@TempDir Path dir) throws IOException {
        Files.copy(Fixtures.testTl().resolve("tl-mp-test-EE.xml"), dir.resolve("lotl.xml"));

        assertThatThrownBy(() -> new TrustListFileSource(dir.resolve("lotl.xml"),
                Fixtures.certificates(Fixtures.testTl().resolve("trusted-test-tsl.pem"))).load())
                .isInstanceOf(IOException.class);
    }
}
