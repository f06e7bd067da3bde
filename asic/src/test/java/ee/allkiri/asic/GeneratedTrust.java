package ee.allkiri.asic;

import ee.allkiri.trustlist.TestLists;
import ee.allkiri.trustlist.TrustListFileSource;
import ee.allkiri.trustlist.TrustSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * A trusted list written and signed by the test, holding the real test CA "TEST of ESTEID2018"
 * with a status history the test chooses, and the TSA that time-stamped the fixture
 * {@code valid-asice-esteid2018.asice} (signed 2024-09-02) as a granted QTST.
 */
final class GeneratedTrust {

    static final Instant SIGNED = Instant.parse("2024-09-02T00:00:00Z");
    static final Path CONTAINER = Fixtures.container("valid-asice-esteid2018.asice");

    private static final TestLists.Signer OPERATOR = TestLists.Signer.create("allkiri test list operator");

    private GeneratedTrust() {
    }

    /** A list whose CA service has the history, next update as given; returns its trust source. */
    static TrustListFileSource list(Path dir, List<TestLists.Period> caHistory, Instant nextUpdate) throws IOException {
        X509Certificate ca = certificate("QC__TEST_of_ESTEID2018.pem");
        X509Certificate tsa = certificate("QTST__DEMO_SK_TIMESTAMPING_AUTHORITY_2023E.pem");
        String xml = TestLists.trustedList("EE", 1, Instant.parse("2024-06-01T00:00:00Z"), nextUpdate, List.of(
                new TestLists.Service(TestLists.QC, "TEST of ESTEID2018", ca, caHistory),
                TestLists.Service.granted(TestLists.QTST, "DEMO SK TIMESTAMPING AUTHORITY 2023E", tsa,
                        Instant.parse("2023-06-15T00:00:00Z"))));
        Path file = Files.write(dir.resolve("EE.xml"), TestLists.sign(xml, OPERATOR));
        return new TrustListFileSource(file, List.of(OPERATOR.certificate()));
    }

    static List<TestLists.Period> history(Object... statusThenFrom) {
        List<TestLists.Period> out = new java.util.ArrayList<>();
        for (int i = 0; i < statusThenFrom.length; i += 2) {
            out.add(new TestLists.Period((String) statusThenFrom[i], Instant.parse((String) statusThenFrom[i + 1])));
        }
        return out;
    }

    private static X509Certificate certificate(String name) throws IOException {
        return TrustSpecs.readCertificates(Fixtures.trust().resolve("tl-services/EE_T").resolve(name)).get(0);
    }
}
