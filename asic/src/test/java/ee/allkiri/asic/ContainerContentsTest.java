package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.asic.hostile.Hostile;
import ee.allkiri.core.DataFile;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.testkit.zip.RawZip;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a container's files without verifying: what it lists, what it streams, what it refuses to write. */
class ContainerContentsTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("lists the data files with their SHA-256 and the signature files, as the verifier reports them")
    void listsWhatTheVerifierReports() throws Exception {
        byte[] container = Hostile.FORGE.forge(Variant.VALID_MULTI_SIGNATURE);
        var report = Hostile.fast().verify(container, "seven.asice");

        try (ContainerContents contents = ContainerContents.of(container, ContainerLimits.DEFAULT)) {
            assertThat(contents.readable()).isTrue();
            assertThat(contents.dataFiles()).isEqualTo(report.dataFiles());
            assertThat(contents.signatureFiles()).hasSize(report.signatures().size())
                    .containsExactlyElementsOf(report.signatures().stream().map(s -> s.file()).toList());
            DataFile first = contents.dataFiles().get(0);
            try (InputStream in = contents.openDataFile(first.name())) {
                assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())))
                        .isEqualTo(first.sha256());
            }
            assertThatThrownBy(() -> contents.openDataFile(contents.signatureFiles().get(0)))
                    .isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    @DisplayName("an unreadable container lists nothing, says why, and cannot be extracted")
    void unreadable() throws Exception {
        Path file = Files.write(tmp.resolve("not.asice"), "not a zip".getBytes(StandardCharsets.US_ASCII));

        try (ContainerContents contents = ContainerContents.open(file)) {
            assertThat(contents.readable()).isFalse();
            assertThat(contents.dataFiles()).isEmpty();
            assertThat(contents.findings()).extracting(Finding::code).containsExactly(FindingCode.NOT_A_ZIP);
            assertThatThrownBy(() -> contents.extractTo(tmp.resolve("out"))).isInstanceOf(IOException.class);
        }
    }

    @Test
    @DisplayName("extraction writes plain relative paths and refuses every other name, writing nothing outside the folder")
    void extractionRefusesUnsafeNames() throws Exception {
        List<String> unsafe = List.of("/etc/passwd", "../x", "a/./b", "a\\b", "C:x", "a\nb", "sub/../../y");
        List<String> entries = new ArrayList<>(List.of("initiative.txt", "the text", "docs/annex.txt", "the annex"));
        unsafe.forEach(name -> entries.addAll(List.of(name, "gotcha")));
        Path out = tmp.resolve("deep/out");

        List<ContainerContents.Extracted> extracted;
        try (ContainerContents contents = ContainerContents.of(RawZip.asice(entries.toArray(String[]::new)).toBytes(), ContainerLimits.DEFAULT)) {
            extracted = contents.extractTo(out);
        }

        Map<String, Boolean> written = extracted.stream().collect(Collectors.toMap(e -> e.file().name(),
                ContainerContents.Extracted::written));
        assertThat(written).containsEntry("initiative.txt", true).containsEntry("docs/annex.txt", true);
        unsafe.forEach(name -> assertThat(written).as(name).containsEntry(name, false));
        assertThat(extracted).filteredOn(e -> !e.written()).allSatisfy(e -> assertThat(e.refusal()).isNotBlank());
        assertThat(Files.readString(out.resolve("docs/annex.txt"))).isEqualTo("the annex");
        try (var all = Files.walk(tmp)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString()))
                    .containsExactlyInAnyOrder("deep/out/initiative.txt", "deep/out/docs/annex.txt");
        }
    }

    @Test
    @DisplayName("extraction never follows a link out of the folder, not even to make folders, and never overwrites")
    void extractionKeepsInsideAndOverwritesNothing() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("docs"), elsewhere);
        Files.writeString(out.resolve("initiative.txt"), "mine");
        List<String> entries = List.of("initiative.txt", "theirs", "docs/a.txt", "through the link",
                "docs/deeper/b.txt", "through the link, in a new folder");

        List<ContainerContents.Extracted> extracted;
        try (ContainerContents contents = ContainerContents.of(RawZip.asice(entries.toArray(String[]::new)).toBytes(), ContainerLimits.DEFAULT)) {
            extracted = contents.extractTo(out);
        }

        assertThat(extracted).noneMatch(ContainerContents.Extracted::written);
        assertThat(Files.readString(out.resolve("initiative.txt"))).isEqualTo("mine");
        try (var inside = Files.list(elsewhere)) {
            assertThat(inside).isEmpty();
        }
    }
}
