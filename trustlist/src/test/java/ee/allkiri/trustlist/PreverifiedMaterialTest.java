package ee.allkiri.trustlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.core.spi.CertificateCriteria;
import ee.allkiri.core.spi.ServiceQualifier;
import ee.allkiri.core.spi.ServiceStatus;
import ee.allkiri.core.spi.TrustListInfo;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustedService;
import ee.allkiri.trustlist.internal.DssListLoader;
import ee.allkiri.trustlist.internal.PreverifiedMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The embedded snapshots' pre-verified material is exactly what verifying their lists gives, it
 * is current, and both hold what openssl finds in the list XML (expected/NAME.txt, written by
 * expected/make-expected.sh from the XML with sed and openssl, not by this code). After changing
 * an embedded snapshot, run make-expected.sh and regenerate the material with
 * {@code ./mvnw -B -pl trustlist -am test -Dtest=PreverifiedMaterialTest -Dsurefire.failIfNoSpecifiedTests=false -Dallkiri.regenerate=true}.
 */
class PreverifiedMaterialTest {

    static List<String> embedded() {
        return EmbeddedSnapshots.names();
    }

    private static SnapshotFiles files(String name) {
        return SnapshotFiles.resources(EmbeddedSnapshots.class, "/ee/allkiri/trustlist/snapshots/" + name);
    }

    @ParameterizedTest
    @MethodSource("embedded")
    void thePreverifiedMaterialIsCurrent(String name) throws IOException {
        String manifestSha256 = DssListLoader.sha256(files(name).read(SnapshotManifest.FILE_NAME));
        byte[] expected = PreverifiedMaterial.write(EmbeddedSnapshots.source(name).verifyLists(), manifestSha256);
        if (Boolean.getBoolean("allkiri.regenerate")) {
            Files.write(Path.of("src/main/resources/ee/allkiri/trustlist/snapshots", name, PreverifiedMaterial.FILE_NAME), expected);
        }
        assertThat(new String(files(name).read(PreverifiedMaterial.FILE_NAME), StandardCharsets.UTF_8))
                .as("%s is stale: regenerate it (see this test's javadoc)", PreverifiedMaterial.FILE_NAME)
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("embedded")
    void loadingGivesWhatVerifyingTheListsGives(String name) throws IOException {
        SnapshotTrustSource source = EmbeddedSnapshots.source(name);
        TrustMaterial verified = source.verifyLists();
        assertThat(verified.services()).isNotEmpty();
        String manifestSha256 = DssListLoader.sha256(files(name).read(SnapshotManifest.FILE_NAME));
        assertThat(PreverifiedMaterial.read(files(name).read(PreverifiedMaterial.FILE_NAME), manifestSha256))
                .isEqualTo(verified);
        assertThat(source.load()).isEqualTo(verified);
    }

    /** The lists ("TERRITORY SEQUENCE NEXT-UPDATE") and service certificates (SHA-256) openssl found in the list XML. */
    record Expected(Set<String> lists, List<String> services) {
        static Expected of(String name) throws IOException {
            try (InputStream in = PreverifiedMaterialTest.class.getResourceAsStream("expected/" + name + ".txt")) {
                assertThat(in).as("expected/%s.txt (run expected/make-expected.sh)", name).isNotNull();
                Set<String> lists = new TreeSet<>();
                List<String> services = new ArrayList<>();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] words = line.split(" ");
                    if (words[0].equals("list")) {
                        lists.add(words[1] + " " + words[2] + " " + words[3]);
                    } else if (words[0].equals("service")) {
                        services.add(words[1]);
                    }
                }
                return new Expected(lists, services.stream().sorted().toList());
            }
        }

        void assertMatches(TrustMaterial material) {
            assertThat(material.lists()).extracting(l -> l.name() + " " + l.sequence() + " " + l.nextUpdate())
                    .containsExactlyInAnyOrderElementsOf(lists);
            assertThat(material.services().stream().map(s -> sha256(s.certificate())).sorted().toList())
                    .containsExactlyElementsOf(services);
        }

        private static String sha256(X509Certificate certificate) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("embedded")
    void theMaterialHoldsWhatOpensslFindsInTheListXml(String name) throws IOException {
        Expected expected = Expected.of(name);
        assertThat(expected.services()).isNotEmpty();
        String manifestSha256 = DssListLoader.sha256(files(name).read(SnapshotManifest.FILE_NAME));
        expected.assertMatches(PreverifiedMaterial.read(files(name).read(PreverifiedMaterial.FILE_NAME), manifestSha256));
        expected.assertMatches(EmbeddedSnapshots.source(name).verifyLists());
    }

    @Test
    void materialMadeFromAnotherManifestIsRefused() throws IOException {
        byte[] json = PreverifiedMaterial.write(sample(), "aa".repeat(32));
        assertThatThrownBy(() -> PreverifiedMaterial.read(json, "bb".repeat(32))).isInstanceOf(IOException.class);
    }

    @Test
    void malformedMaterialIsRefused() {
        String badCertificate = "{\"format\":\"allkiri-preverified-trust/1\",\"manifestSha256\":\"aa\","
                + "\"services\":[{\"certificate\":\"bm90IGEgY2VydGlmaWNhdGU=\",\"name\":\"x\"}]}";
        assertThatThrownBy(() -> PreverifiedMaterial.read(badCertificate.getBytes(StandardCharsets.UTF_8), "aa"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> PreverifiedMaterial.read("not json".getBytes(StandardCharsets.UTF_8), "aa"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> PreverifiedMaterial.read("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8), "aa"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void everyKindOfCriteriaRoundTrips() throws IOException {
        TrustMaterial material = sample();
        String digest = "cd".repeat(32);
        assertThat(PreverifiedMaterial.read(PreverifiedMaterial.write(material, digest), digest)).isEqualTo(material);
    }

    /** Material with every field and every kind of criteria set, from a throwaway list. */
    private static TrustMaterial sample() {
        TestLists.Signer ca = TestLists.Signer.create("CA");
        CertificateCriteria criteria = new CertificateCriteria.Group(CertificateCriteria.Match.AT_LEAST_ONE, List.of(
                new CertificateCriteria.KeyUsageBit("nonRepudiation", true),
                new CertificateCriteria.PolicyIdentifier("1.3.6.1.4.1.10015.1.1"),
                new CertificateCriteria.ExtendedKeyUsage(List.of("1.3.6.1.5.5.7.3.9")),
                new CertificateCriteria.SubjectAttributes(List.of("2.5.4.5")),
                new CertificateCriteria.QcStatement("0.4.0.1862.1.6", "0.4.0.1862.1.6.1", null),
                new CertificateCriteria.Group(CertificateCriteria.Match.NONE, List.of())));
        ServiceStatus granted = new ServiceStatus("http://uri.etsi.org/TrstSvc/Svctype/CA/QC",
                "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted", Instant.parse("2018-01-01T00:00:00Z"),
                Instant.parse("2024-01-01T00:00:00Z"), List.of("http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSignatures"),
                List.of(new ServiceQualifier(List.of("http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/QCWithSSCD"), criteria, true)));
        ServiceStatus withdrawn = new ServiceStatus("http://uri.etsi.org/TrstSvc/Svctype/CA/QC",
                "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/withdrawn", Instant.parse("2024-01-01T00:00:00Z"), null,
                List.of(), List.of());
        TrustedService service = new TrustedService(ca.certificate(), "CA", "Provider", "EE", List.of(granted, withdrawn),
                "https://example.org/EE.xml");
        TrustListInfo list = new TrustListInfo("EE", "https://example.org/EE.xml", TrustListInfo.Kind.TRUSTED_LIST, 5, 7,
                Instant.parse("2024-06-01T00:00:00Z"), null, "ef".repeat(32), null, ca.certificate());
        return new TrustMaterial(List.of(service, TrustedService.anchor(ca.certificate())), List.of(list), "sample");
    }
}
