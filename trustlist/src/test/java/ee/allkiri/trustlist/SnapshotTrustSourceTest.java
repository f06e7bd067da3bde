package ee.allkiri.trustlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.core.spi.TrustListInfo;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.trustlist.internal.DssListLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTrustSourceTest {

    static TestLists.Signer operator;
    static TestLists.Signer ca;

    @BeforeAll
    static void keys() {
        operator = TestLists.Signer.create("operator");
        ca = TestLists.Signer.create("CA");
    }

    private static Path snapshot(Path work) throws IOException {
        Path copies = Files.createDirectories(work.resolve("copies"));
        Files.write(copies.resolve("EE.xml"), TestLists.sign(TestLists.trustedList("EE", 5, Instant.parse("2024-06-01T00:00:00Z"),
                Instant.parse("2024-12-01T00:00:00Z"), List.of(TestLists.Service.granted(TestLists.QC, "CA", ca.certificate(),
                        Instant.parse("2018-01-01T00:00:00Z")))), operator));
        Path out = work.resolve("snapshot");
        TrustListRefresher.builder().url("https://example.org/EE.xml").readFrom(copies).signers(List.of(operator.certificate()))
                .manualAnchor(operator.certificate(), "manual anchor for the test").build().refresh(out);
        return out;
    }

    @Test
    void snapshotLoadsListsAndManualAnchors(@TempDir Path work) throws IOException {
        TrustMaterial material = SnapshotTrustSource.directory(snapshot(work)).load();

        assertThat(material.lists()).extracting(TrustListInfo::url, TrustListInfo::sequence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("https://example.org/EE.xml", 5));
        assertThat(material.services()).filteredOn(s -> !s.isListed()).singleElement()
                .satisfies(s -> assertThat(s.certificate()).isEqualTo(operator.certificate()));
    }

    @Test
    void fileThatNoLongerMatchesTheManifestIsRefused(@TempDir Path work) throws IOException {
        Path out = snapshot(work);
        Path list = out.resolve("lists/EE.xml");
        Files.write(list, Files.readString(list).replace("CA", "XX").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> SnapshotTrustSource.directory(out).load()).isInstanceOf(IOException.class);
    }

    @Test
    void tamperedListWithAMatchingManifestIsRefusedByItsSignature(@TempDir Path work) throws IOException {
        Path out = snapshot(work);
        Path list = out.resolve("lists/EE.xml");
        String before = DssListLoader.sha256(Files.readAllBytes(list));
        Files.writeString(list, Files.readString(list).replace(TestLists.GRANTED, TestLists.WITHDRAWN));
        String after = DssListLoader.sha256(Files.readAllBytes(list));
        Path manifest = out.resolve(SnapshotManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace(before, after));

        assertThatThrownBy(() -> SnapshotTrustSource.directory(out).load()).isInstanceOf(IOException.class);
    }

    @Test
    void manifestPathLeavingTheSnapshotIsRefused(@TempDir Path work) throws IOException {
        Path out = snapshot(work);
        Path manifest = out.resolve(SnapshotManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("lists/EE.xml", "../copies/EE.xml"));

        assertThatThrownBy(() -> SnapshotTrustSource.directory(out).load()).isInstanceOf(IOException.class);
    }

    @Test
    void embeddedTestSnapshotHoldsTheTestListOfListsAndEeT() throws IOException {
        TrustMaterial material = EmbeddedSnapshots.source(EmbeddedSnapshots.EE_TEST).load();

        assertThat(material.lists()).extracting(TrustListInfo::name, TrustListInfo::sequence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EE", 7), org.assertj.core.groups.Tuple.tuple("EE_T", 34));
        assertThat(material.hasTrustedListData()).isTrue();
    }

    @Test
    void embeddedProductionSnapshotIsTheEstonianListSequence65() throws IOException {
        TrustMaterial material = EmbeddedSnapshots.source(EmbeddedSnapshots.EE_PROD).load();

        assertThat(material.lists()).singleElement().satisfies(l -> {
            assertThat(l.sequence()).isEqualTo(65);
            assertThat(Certificates.sha256(l.signer()))
                    .isEqualTo("51f358d90e9fc6e13a8d048344e2171950bdae86aa7f1e13a68ba4bc3b1b94a7");
        });
    }

    @Test
    void trustSpecsNameSnapshotsListsAndFolders(@TempDir Path work) throws IOException {
        Path out = snapshot(work);

        assertThat(TrustSpecs.parse(out.toString())).isInstanceOf(SnapshotTrustSource.class);
        assertThat(TrustSpecs.parse("ee-test")).isInstanceOf(SnapshotTrustSource.class);
        assertThat(TrustSpecs.parse(work.resolve("copies/EE.xml").toString(), List.of(operator.certificate())))
                .isInstanceOf(TrustListFileSource.class);
        assertThat(TrustSpecs.parse(work.resolve("copies").toString())).isInstanceOf(CertificateFolderTrustSource.class);
        assertThatThrownBy(() -> TrustSpecs.parse(work.resolve("copies/EE.xml").toString()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
