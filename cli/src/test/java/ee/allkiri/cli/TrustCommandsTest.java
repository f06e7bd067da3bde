package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.trustlist.Fixtures;
import ee.allkiri.trustlist.SnapshotTrustSource;
import ee.allkiri.trustlist.TestLists;
import ee.allkiri.trustlist.TrustSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust options and commands, by exit code, with a list the test signs itself. */
class TrustCommandsTest {

    static final String CONTAINER = Fixtures.dir().resolve("containers/valid-asice-esteid2018.asice").toString();
    static TestLists.Signer operator;

    @TempDir
    static Path dir;
    static Path list;
    static Path signer;

    @BeforeAll
    static void writeList() throws IOException {
        operator = TestLists.Signer.create("cli test operator");
        Path services = Fixtures.dir().resolve("trust/tl-services/EE_T");
        X509Certificate ca = TrustSpecs.readCertificates(services.resolve("QC__TEST_of_ESTEID2018.pem")).get(0);
        X509Certificate tsa = TrustSpecs.readCertificates(services.resolve("QTST__DEMO_SK_TIMESTAMPING_AUTHORITY_2023E.pem")).get(0);
        String xml = TestLists.trustedList("EE", 1, Instant.parse("2024-06-01T00:00:00Z"), Instant.parse("2024-12-01T00:00:00Z"),
                List.of(TestLists.Service.granted(TestLists.QC, "TEST of ESTEID2018", ca, Instant.parse("2018-04-05T09:45:21Z")),
                        TestLists.Service.granted(TestLists.QTST, "DEMO TSA", tsa, Instant.parse("2023-06-15T00:00:00Z"))));
        Path copies = Files.createDirectories(dir.resolve("copies"));
        list = Files.write(copies.resolve("EE.xml"), TestLists.sign(xml, operator));
        signer = Files.writeString(dir.resolve("operator.pem"), pem(operator.certificate()));
    }

    private static int verify(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("verify", "--trust", list.toString(), "--list-signer",
                signer.toString(), "--at", "2025-03-01T00:00:00Z"));
        args.addAll(List.of(options));
        args.add(CONTAINER);
        return Main.run(args.toArray(String[]::new));
    }

    @Test
    void staleListWarnsAndTheContainerStillPasses() {
        assertThat(verify()).isEqualTo(Main.OK);
    }

    @Test
    void rejectStaleTrustFailsTheContainer() {
        assertThat(verify("--reject-stale-trust")).isEqualTo(Main.FAILED);
    }

    @Test
    void acceptStaleTrustPasses() {
        assertThat(verify("--accept-stale-trust")).isEqualTo(Main.OK);
    }

    @Test
    void rejectAndAcceptStaleTrustTogetherAreAUsageError() {
        assertThat(verify("--reject-stale-trust", "--accept-stale-trust")).isEqualTo(Main.ERROR);
    }

    @Test
    void listFileWithoutItsSignerIsAUsageError() {
        assertThat(Main.run("verify", "--trust", list.toString(), CONTAINER)).isEqualTo(Main.ERROR);
    }

    @Test
    void refreshFromLocalCopiesWritesASnapshotThatVerifies() throws IOException {
        Path out = dir.resolve("snapshot");

        int refreshed = Main.run("trust", "refresh", "--tl", "https://example.org/EE.xml", "--from-dir",
                list.getParent().toString(), "--signer", signer.toString(), "--out", out.toString());

        assertThat(refreshed).isEqualTo(Main.OK);
        assertThat(SnapshotTrustSource.directory(out).manifest().lists()).hasSize(1);
        assertThat(Main.run("verify", "--trust", out.toString(), "--at", "2024-11-01T00:00:00Z", "--reject-stale-trust",
                CONTAINER)).isEqualTo(Main.OK);
        assertThat(Main.run("trust", "show", out.toString())).isEqualTo(Main.OK);
    }

    @Test
    void showPrintsTheEmbeddedSnapshots() {
        assertThat(Main.run("trust", "show", "ee-test")).isEqualTo(Main.OK);
        assertThat(Main.run("trust", "show")).isEqualTo(Main.OK);
    }

    private static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
