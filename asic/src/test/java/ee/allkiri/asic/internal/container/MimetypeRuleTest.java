package ee.allkiri.asic.internal.container;

import static ee.allkiri.asic.internal.container.Containers.codes;
import static ee.allkiri.asic.internal.container.Containers.read;
import static ee.allkiri.core.FindingCode.MIMETYPE_BOM;
import static ee.allkiri.core.FindingCode.MIMETYPE_COMPRESSED;
import static ee.allkiri.core.FindingCode.MIMETYPE_EXTRA_FIELD;
import static ee.allkiri.core.FindingCode.MIMETYPE_MISSING;
import static ee.allkiri.core.FindingCode.MIMETYPE_NOT_FIRST;
import static ee.allkiri.core.FindingCode.MIMETYPE_WRONG_CONTENT;
import static ee.allkiri.core.FindingCode.ZIP_CORRUPT;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.Finding;
import ee.allkiri.core.Severity;
import ee.allkiri.testkit.zip.RawZip;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MimetypeRuleTest {

    private static RawZip withMimetype(byte[] content) {
        RawZip zip = new RawZip();
        zip.add("mimetype", content);
        zip.add("META-INF/manifest.xml", RawZip.manifest("test.txt"));
        zip.add("test.txt", "x");
        return zip;
    }

    @Test
    @DisplayName("no mimetype entry is MIMETYPE_MISSING")
    void missing() {
        RawZip zip = new RawZip();
        zip.add("META-INF/manifest.xml", RawZip.manifest("test.txt"));
        zip.add("test.txt", "x");
        ParsedContainer c = read(zip);
        assertThat(codes(c)).containsExactly(MIMETYPE_MISSING);
        assertThat(c.mimetype()).isNull();
    }

    @Test
    @DisplayName("mimetype later in the archive is MIMETYPE_NOT_FIRST")
    void notFirstInArchive() {
        RawZip zip = new RawZip();
        zip.add("META-INF/manifest.xml", RawZip.manifest());
        zip.add("mimetype", RawZip.ASIC_E);
        assertThat(codes(zip)).containsExactly(MIMETYPE_NOT_FIRST);
    }

    @Test
    @DisplayName("mimetype first in the central directory but not at offset 0 is MIMETYPE_NOT_FIRST")
    void firstInDirectoryButNotAtOffsetZero() {
        RawZip zip = new RawZip();
        zip.add("META-INF/manifest.xml", RawZip.manifest());
        zip.add("mimetype", RawZip.ASIC_E);
        zip.centralOrder(1, 0);
        assertThat(codes(zip)).containsExactly(MIMETYPE_NOT_FIRST);
    }

    @Test
    @DisplayName("mimetype at offset 0 but not first in the central directory is MIMETYPE_NOT_FIRST")
    void atOffsetZeroButNotFirstInDirectory() {
        RawZip zip = RawZip.asice();
        zip.centralOrder(1, 0, 2, 3);
        assertThat(codes(zip)).containsExactly(MIMETYPE_NOT_FIRST);
    }

    @Test
    @DisplayName("a deflated mimetype is MIMETYPE_COMPRESSED, its content still checked")
    void compressed() {
        RawZip zip = RawZip.asice();
        zip.entry("mimetype").deflated();
        ParsedContainer c = read(zip);
        assertThat(codes(c)).containsExactly(MIMETYPE_COMPRESSED);
        assertThat(c.mimetype()).isEqualTo(RawZip.ASIC_E);
    }

    @Test
    @DisplayName("an extra field in the mimetype's local header is MIMETYPE_EXTRA_FIELD, a warning")
    void extraField() {
        RawZip zip = RawZip.asice();
        zip.entry("mimetype").localExtra(new byte[] {0x55, 0x54, 0x05, 0x00, 0x03, 1, 2, 3, 4});
        ParsedContainer c = read(zip);
        assertThat(codes(c)).containsExactly(MIMETYPE_EXTRA_FIELD);
        assertThat(c.findings()).extracting(Finding::severity).containsExactly(Severity.WARNING);
    }

    @Test
    @DisplayName("an extra field only in the central directory is not a mimetype finding")
    void centralExtraFieldIsFine() {
        RawZip zip = RawZip.asice();
        zip.entry("mimetype").centralExtra(new byte[] {0x55, 0x54, 0x05, 0x00, 0x03, 1, 2, 3, 4});
        assertThat(codes(zip)).isEmpty();
    }

    @Test
    @DisplayName("a UTF-8 BOM before the right content is only MIMETYPE_BOM; mimetype() has the BOM stripped")
    void bom() {
        byte[] content = RawZip.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                RawZip.ASIC_E.getBytes(StandardCharsets.US_ASCII));
        ParsedContainer c = read(withMimetype(content));
        assertThat(codes(c)).containsExactly(MIMETYPE_BOM);
        assertThat(c.findings()).noneMatch(Finding::isError);
        assertThat(c.mimetype()).isEqualTo(RawZip.ASIC_E);
    }

    @Test
    @DisplayName("a BOM before wrong content is MIMETYPE_BOM and MIMETYPE_WRONG_CONTENT")
    void bomAndWrongContent() {
        byte[] content = RawZip.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "application/zip".getBytes(StandardCharsets.US_ASCII));
        assertThat(codes(withMimetype(content))).containsExactly(MIMETYPE_BOM, MIMETYPE_WRONG_CONTENT);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"application/vnd.etsi.asic-s+zip", "application/vnd.etsi.asic-e+zip\n",
        "application/vnd.etsi.asic-e+zip ", " application/vnd.etsi.asic-e+zip", "APPLICATION/VND.ETSI.ASIC-E+ZIP",
        "application/vnd.etsi.asic-e+zip\0", "", "application/zip", "incorrect mimetype\n"})
    @DisplayName("content other than exactly application/vnd.etsi.asic-e+zip is MIMETYPE_WRONG_CONTENT")
    void wrongContent(String content) {
        ParsedContainer c = read(withMimetype(content.getBytes(StandardCharsets.UTF_8)));
        assertThat(codes(c)).containsExactly(MIMETYPE_WRONG_CONTENT);
        assertThat(c.mimetype()).isEqualTo(content);
    }

    @Test
    @DisplayName("a huge mimetype entry is MIMETYPE_WRONG_CONTENT without being read into memory")
    void hugeMimetype() {
        byte[] content = new byte[100_000];
        ParsedContainer c = read(withMimetype(content));
        assertThat(codes(c)).containsExactly(MIMETYPE_WRONG_CONTENT);
        assertThat(c.mimetype()).isNull();
    }

    @Test
    @DisplayName("a damaged mimetype entry is ZIP_CORRUPT on it")
    void damagedMimetype() {
        RawZip zip = RawZip.asice();
        zip.entry("mimetype").crc(7);
        ParsedContainer c = read(zip);
        assertThat(codes(c)).containsExactly(ZIP_CORRUPT);
        assertThat(c.findings().get(0).location()).isEqualTo("mimetype");
        assertThat(c.mimetype()).isNull();
    }
}
