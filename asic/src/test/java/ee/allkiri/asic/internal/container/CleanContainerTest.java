package ee.allkiri.asic.internal.container;

import static ee.allkiri.asic.internal.container.Containers.read;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.testkit.zip.RawZip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CleanContainerTest {

    @Test
    @DisplayName("a well-formed ASiC-E container gives no findings and exposes its parts")
    void cleanContainerHasNoFindings() throws IOException {
        RawZip zip = RawZip.asice("a.txt", "first\n", "dir/b.txt", "second\n");
        zip.add("dir/", "");
        try (ParsedContainer c = read(zip)) {
            assertThat(c.findings()).isEmpty();
            assertThat(c.isReadable()).isTrue();
            assertThat(c.mimetype()).isEqualTo(RawZip.ASIC_E);
            assertThat(c.manifest()).hasValueSatisfying(m -> assertThat(m).extracting(ManifestEntry::fullPath)
                    .containsExactly("/", "a.txt", "dir/b.txt"));
            assertThat(c.entryNames()).containsExactly("mimetype", "META-INF/manifest.xml", "a.txt", "dir/b.txt",
                    "META-INF/signatures0.xml", "dir/");
            assertThat(c.signatureFiles()).containsExactly("META-INF/signatures0.xml");
            assertThat(c.dataFiles()).extracting(DataFileEntry::name).containsExactly("a.txt", "dir/b.txt");
        }
    }

    @Test
    @DisplayName("each data file gets its actual size, the manifest media type and the SHA-256 of its content")
    void dataFilesCarrySizeMediaTypeAndDigest() throws IOException {
        try (ParsedContainer c = read(RawZip.asice("a.txt", "first\n"))) {
            DataFileEntry file = c.dataFiles().get(0);
            assertThat(file.size()).isEqualTo(6);
            assertThat(file.manifestMediaType()).isEqualTo("text/plain");
            assertThat(file.sha256()).isEqualTo(Containers.sha256("first\n".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    @DisplayName("a data file the manifest does not describe gets a null media type")
    void dataFileWithoutManifestEntryHasNullMediaType() throws IOException {
        RawZip zip = RawZip.asice();
        zip.add("extra.bin", "x");
        try (ParsedContainer c = read(zip)) {
            assertThat(c.dataFiles()).filteredOn(f -> f.name().equals("extra.bin"))
                    .singleElement().extracting(DataFileEntry::manifestMediaType).isNull();
        }
    }

    @Test
    @DisplayName("entries with data descriptors and ZIP64 extra fields read like any other")
    void dataDescriptorAndZip64EntriesAreClean() throws IOException {
        RawZip zip = RawZip.asice("a.txt", "with descriptor", "b.txt", "zip64 sizes", "c.txt", "both");
        zip.entry("a.txt").dataDescriptor();
        zip.entry("b.txt").zip64();
        zip.entry("c.txt").zip64().dataDescriptor();
        zip.entry("META-INF/manifest.xml").dataDescriptor();
        zip.zip64End();
        try (ParsedContainer c = read(zip)) {
            assertThat(c.findings()).isEmpty();
            assertThat(c.dataFiles()).extracting(DataFileEntry::size).containsExactly(15L, 11L, 4L);
        }
    }

    @Test
    @DisplayName("an archive comment after the end record is allowed")
    void archiveCommentIsAllowed() throws IOException {
        assertThat(Containers.codes(RawZip.asice().comment("made by a test"))).isEmpty();
    }

    @Test
    @DisplayName("names without the UTF-8 flag are decoded as UTF-8 when valid, else as CP437")
    void namesWithoutUtf8FlagAreDecodedSensibly() throws IOException {
        RawZip zip = RawZip.asice("õun.txt", "apple", "\u00fc.txt", "cp437");
        zip.entry("õun.txt").flags(0);
        zip.entry("\u00fc.txt").flags(0).rawName(new byte[] {(byte) 0x81, '.', 't', 'x', 't'});
        try (ParsedContainer c = read(zip)) {
            assertThat(c.dataFiles()).extracting(DataFileEntry::name).containsExactly("õun.txt", "\u00fc.txt");
            assertThat(c.findings()).isEmpty();
        }
    }
}
