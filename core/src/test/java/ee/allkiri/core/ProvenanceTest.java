package ee.allkiri.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ee.allkiri.core.spi.ServiceStatus;
import ee.allkiri.core.spi.TrustListInfo;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustedService;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The provenance record: what a trust source used, and its JSON form. */
class ProvenanceTest {

    private static List<X509Certificate> certificates() throws Exception {
        Path dir = Path.of(System.getProperty("allkiri.fixtures"), "trust", "certs", "test");
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().limit(3).toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    out.add((X509Certificate) cf.generateCertificate(in));
                }
            }
        }
        return out;
    }

    @Test
    void anchorsAreListedByDigestAndSummedUpInOneDigest() throws Exception {
        List<X509Certificate> certs = certificates();
        TrustMaterial material = new TrustMaterial(certs.stream().map(TrustedService::anchor).toList(), List.of(), "certs");
        Provenance.Trust trust = Provenance.Trust.of("trust/", material);
        assertThat(trust.anchors()).hasSize(3);
        List<String> digests = new ArrayList<>();
        for (X509Certificate c : certs) {
            digests.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded())));
        }
        assertThat(trust.anchors()).extracting(Provenance.Anchor::sha256).containsExactlyInAnyOrderElementsOf(digests);
        String lines = String.join("\n", digests.stream().sorted().toList()) + "\n";
        assertThat(trust.anchorsSha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(lines.getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        List<X509Certificate> backwards = new ArrayList<>(certs);
        java.util.Collections.reverse(backwards);
        TrustMaterial reversed = new TrustMaterial(backwards.stream().map(TrustedService::anchor).toList(), List.of(), "certs");
        assertThat(Provenance.Trust.of("trust/", reversed).anchorsSha256()).as("the order does not matter")
                .isEqualTo(trust.anchorsSha256());
    }

    @Test
    void listsKeepNameSequenceIssueDateAndDigest() throws Exception {
        X509Certificate cert = certificates().get(0);
        TrustListInfo list = new TrustListInfo("EE", "https://sr.riik.ee/tsl/estonian-tsl.xml", TrustListInfo.Kind.TRUSTED_LIST,
                5, 65, Instant.parse("2024-06-12T03:00:10Z"), Instant.parse("2024-12-12T03:00:10Z"), "ab".repeat(32), null, cert);
        TrustedService listed = new TrustedService(cert, "service", "provider", "EE",
                List.of(new ServiceStatus("http://uri.etsi.org/TrstSvc/Svctype/CA/QC", "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted",
                        Instant.parse("2016-06-30T22:00:00Z"), null, List.of(), List.of())), list.url());
        Provenance.Trust trust = Provenance.Trust.of("ee-prod", new TrustMaterial(List.of(listed), List.of(list), "ee-prod"));
        assertThat(trust.anchors()).isEmpty();
        assertThat(trust.anchorsSha256()).isNull();
        Map<String, String> options = new LinkedHashMap<>();
        options.put("strictMimetype", "false");
        Provenance p = new Provenance("1.2.3", Instant.parse("2025-01-01T00:00:00Z"), options, List.of(trust),
                List.of(new Provenance.Input("a.asice", "a.asice", "cd".repeat(32), 10L, null)),
                List.of(new Provenance.Skipped("x.pdf", "x.pdf", Provenance.SkipReason.PDF)));
        JsonNode json = ReportJson.tree(p);
        assertThat(json.get("allkiriVersion").asText()).isEqualTo("1.2.3");
        assertThat(json.get("validationTime").asText()).isEqualTo("2025-01-01T00:00:00Z");
        JsonNode l = json.get("trust").get(0).get("lists").get(0);
        assertThat(l.get("name").asText()).isEqualTo("EE");
        assertThat(l.get("sequence").asInt()).isEqualTo(65);
        assertThat(l.get("issued").asText()).isEqualTo("2024-06-12T03:00:10Z");
        assertThat(l.get("sha256").asText()).isEqualTo("ab".repeat(32));
        assertThat(json.get("inputs").get(0).get("size").asLong()).isEqualTo(10);
        assertThat(json.get("inputs").get(0).get("unreadable").isNull()).isTrue();
        assertThat(json.get("skipped").get(0).get("reason").asText()).isEqualTo("PDF");
        assertThat(p.input("a.asice")).isPresent();
    }
}
