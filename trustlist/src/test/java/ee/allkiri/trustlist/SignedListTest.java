package ee.allkiri.trustlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.core.spi.ServiceStatus;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustedService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedListTest {

    static TestLists.Signer operator;
    static TestLists.Signer stranger;
    static TestLists.Signer ca;

    @BeforeAll
    static void keys() {
        operator = TestLists.Signer.create("allkiri test list operator");
        stranger = TestLists.Signer.create("someone else");
        ca = TestLists.Signer.create("allkiri test CA");
    }

    static String list() {
        return TestLists.trustedList("EE", 3, Instant.parse("2024-06-01T00:00:00Z"), Instant.parse("2024-12-01T00:00:00Z"),
                List.of(new TestLists.Service(TestLists.QC, "allkiri test CA", ca.certificate(), List.of(
                        new TestLists.Period(TestLists.GRANTED, Instant.parse("2018-01-01T00:00:00Z")),
                        new TestLists.Period(TestLists.WITHDRAWN, Instant.parse("2024-01-01T00:00:00Z"))))));
    }

    @Test
    void listSignedByThePinnedKeyLoadsWithItsServiceHistory(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("EE.xml"), TestLists.sign(list(), operator));

        TrustMaterial material = new TrustListFileSource(file, List.of(operator.certificate())).load();

        assertThat(material.lists()).singleElement().satisfies(l -> {
            assertThat(l.sequence()).isEqualTo(3);
            assertThat(l.nextUpdate()).isEqualTo(Instant.parse("2024-12-01T00:00:00Z"));
            assertThat(l.signer()).isEqualTo(operator.certificate());
        });
        TrustedService service = material.services().get(0);
        assertThat(service.certificate()).isEqualTo(ca.certificate());
        assertThat(service.history()).extracting(ServiceStatus::statusName, ServiceStatus::from).containsExactly(
                org.assertj.core.groups.Tuple.tuple("withdrawn", Instant.parse("2024-01-01T00:00:00Z")),
                org.assertj.core.groups.Tuple.tuple("granted", Instant.parse("2018-01-01T00:00:00Z")));
        assertThat(service.history().get(1).until()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(service.history().get(0).qualifiers()).singleElement()
                .satisfies(q -> assertThat(q.qualifiers()).containsExactly(
                        "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/QCWithQSCD"));
    }

    @Test
    void tamperedListIsRefused(@TempDir Path dir) throws IOException {
        String signed = new String(TestLists.sign(list(), operator), StandardCharsets.UTF_8);
        String tampered = signed.replace(TestLists.WITHDRAWN, TestLists.GRANTED);
        assertThat(tampered).isNotEqualTo(signed);
        Path file = Files.writeString(dir.resolve("EE.xml"), tampered);

        assertThatThrownBy(() -> new TrustListFileSource(file, List.of(operator.certificate())).load())
                .isInstanceOf(IOException.class);
    }

    @Test
    void listSignedByAnUnpinnedKeyIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("EE.xml"), TestLists.sign(list(), stranger));

        assertThatThrownBy(() -> new TrustListFileSource(file, List.of(operator.certificate())).load())
                .isInstanceOf(IOException.class);
    }

    @Test
    void unsignedListIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("EE.xml"), list());

        assertThatThrownBy(() -> new TrustListFileSource(file, List.of(operator.certificate())).load())
                .isInstanceOf(IOException.class);
    }

    @Test
    void listOfListsLoadsThePointedListSignedByThePointersCertificate(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("EE.xml"), TestLists.sign(list(), operator));
        String lotl = TestLists.listOfLists(9, Instant.parse("2024-06-01T00:00:00Z"), Instant.parse("2024-12-01T00:00:00Z"),
                List.of(new TestLists.Pointer("https://example.org/EE.xml", "EE", operator.certificate())));
        Path file = Files.write(dir.resolve("lotl.xml"), TestLists.sign(lotl, stranger));

        TrustMaterial material = new TrustListFileSource(file, List.of(stranger.certificate())).load();

        assertThat(material.lists()).extracting(l -> l.sequence()).containsExactly(9, 3);
        assertThat(material.lists().get(1).parentUrl()).isEqualTo(material.lists().get(0).url());
        assertThat(material.services()).extracting(TrustedService::certificate).containsExactly(ca.certificate());
    }

    @Test
    void listOfListsWhosePointedListIsSignedByAnotherKeyIsRefused(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("EE.xml"), TestLists.sign(list(), stranger));
        String lotl = TestLists.listOfLists(9, Instant.parse("2024-06-01T00:00:00Z"), Instant.parse("2024-12-01T00:00:00Z"),
                List.of(new TestLists.Pointer("https://example.org/EE.xml", "EE", operator.certificate())));
        Path file = Files.write(dir.resolve("lotl.xml"), TestLists.sign(lotl, stranger));

        assertThatThrownBy(() -> new TrustListFileSource(file, List.of(stranger.certificate())).load())
                .isInstanceOf(IOException.class);
    }
}
