package ee.allkiri.trustlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.core.spi.TrustListInfo;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.trustlist.internal.DssListLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustListRefresherTest {

    static TestLists.Signer lotlSigner;
    static TestLists.Signer tlSigner;
    static TestLists.Signer stranger;
    static TestLists.Signer ca;

    LoopbackServer server;
    @TempDir
    Path work;

    @BeforeAll
    static void keys() {
        lotlSigner = TestLists.Signer.create("test LOTL signer");
        tlSigner = TestLists.Signer.create("test TL signer");
        stranger = TestLists.Signer.create("stranger");
        ca = TestLists.Signer.create("test CA");
    }

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        serveLists(1, LoopbackServer.Mode.WHOLE, tlSigner);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void serveLists(int sequence, LoopbackServer.Mode mode, TestLists.Signer signerOfTl) {
        Instant issued = Instant.parse("2024-06-01T00:00:00Z");
        String tl = TestLists.trustedList("EE", sequence, issued, Instant.parse("2099-01-01T00:00:00Z"),
                List.of(TestLists.Service.granted(TestLists.QC, "test CA", ca.certificate(), Instant.parse("2018-01-01T00:00:00Z"))));
        String lotl = TestLists.listOfLists(sequence, issued, Instant.parse("2099-01-01T00:00:00Z"),
                List.of(new TestLists.Pointer(server.url("/EE.xml"), "EE", tlSigner.certificate())));
        server.serve("/lotl.xml", TestLists.sign(lotl, lotlSigner), LoopbackServer.Mode.WHOLE);
        server.serve("/EE.xml", TestLists.sign(tl, signerOfTl), mode);
    }

    /** A refresher with a deadline per request that a slow, loaded machine never reaches. */
    private TrustListRefresher refresher() {
        return refresher(Duration.ofSeconds(60));
    }

    private TrustListRefresher refresher(Duration requestTimeout) {
        return TrustListRefresher.builder().url(server.url("/lotl.xml")).name("test").signers(List.of(lotlSigner.certificate()))
                .requestTimeout(requestTimeout).build();
    }

    @Test
    void refreshWritesASnapshotThatLoadsOffline() throws IOException {
        Path out = work.resolve("snapshot");

        SnapshotManifest manifest = refresher().refresh(out);
        server.close();
        TrustMaterial material = SnapshotTrustSource.directory(out).load();

        assertThat(manifest.lists()).extracting(SnapshotManifest.ListEntry::kind)
                .containsExactly(TrustListInfo.Kind.LIST_OF_LISTS, TrustListInfo.Kind.TRUSTED_LIST);
        assertThat(material.lists()).extracting(TrustListInfo::sha256)
                .containsExactlyElementsOf(manifest.lists().stream().map(SnapshotManifest.ListEntry::sha256).toList());
        assertThat(material.services()).singleElement().satisfies(s -> assertThat(s.certificate()).isEqualTo(ca.certificate()));
    }

    @Test
    void refreshReplacesAnEarlierSnapshot() throws IOException {
        Path out = work.resolve("snapshot");
        refresher().refresh(out);
        serveLists(2, LoopbackServer.Mode.WHOLE, tlSigner);

        refresher().refresh(out);

        assertThat(SnapshotTrustSource.directory(out).manifest().lists()).extracting(SnapshotManifest.ListEntry::sequence)
                .containsExactly(2, 2);
        assertThat(siblings()).containsExactly("snapshot");
    }

    @Test
    void interruptedDownloadLeavesThePreviousSnapshotUntouched() throws IOException {
        assertFailedRefreshKeepsSnapshot(LoopbackServer.Mode.HALF, tlSigner);
    }

    @Test
    void htmlPageLeavesThePreviousSnapshotUntouched() throws IOException {
        assertFailedRefreshKeepsSnapshot(LoopbackServer.Mode.HTML, tlSigner);
    }

    @Test
    void listSignedByAnUnpinnedKeyLeavesThePreviousSnapshotUntouched() throws IOException {
        assertFailedRefreshKeepsSnapshot(LoopbackServer.Mode.WHOLE, stranger);
    }

    @Test
    void serverThatNeverAnswersTimesOutAndLeavesThePreviousSnapshotUntouched() throws IOException {
        assertFailedRefreshKeepsSnapshot(LoopbackServer.Mode.SILENT, tlSigner);
    }

    @Test
    void serverThatDripsTheBodyIsCutOffAtTheDeadline() throws IOException {
        assertFailedRefreshKeepsSnapshot(LoopbackServer.Mode.DRIP, tlSigner);
    }

    @Test
    void listLargerThanTheCapIsRefused() {
        TrustListRefresher small = TrustListRefresher.builder().url(server.url("/lotl.xml"))
                .signers(List.of(lotlSigner.certificate())).maxListBytes(1000).build();

        assertThatThrownBy(() -> small.refresh(work.resolve("snapshot"))).isInstanceOf(IOException.class);
        assertThat(siblings()).isEmpty();
    }

    @Test
    void refreshWithoutPinsCannotBeBuilt() {
        assertThatThrownBy(() -> TrustListRefresher.builder().url(server.url("/lotl.xml")).build())
                .isInstanceOf(IllegalStateException.class);
    }

    private void assertFailedRefreshKeepsSnapshot(LoopbackServer.Mode mode, TestLists.Signer signerOfTl) throws IOException {
        Path out = work.resolve("snapshot");
        refresher().refresh(out);
        Map<String, String> before = digests(out);
        serveLists(2, mode, signerOfTl);

        // a short deadline, so that the silent and dripping servers are cut off before they give up
        assertThatThrownBy(() -> refresher(Duration.ofMillis(1500)).refresh(out)).isInstanceOf(IOException.class);

        assertThat(digests(out)).isEqualTo(before);
        assertThat(siblings()).containsExactly("snapshot");
        assertThat(SnapshotTrustSource.directory(out).load().lists()).extracting(TrustListInfo::sequence).containsExactly(1, 1);
    }

    private List<String> siblings() {
        try (Stream<Path> list = Files.list(work)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> digests(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), DssListLoader.sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }
}
