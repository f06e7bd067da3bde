package ee.allkiri.asic.internal.container;

import static ee.allkiri.asic.internal.container.Containers.codes;
import static ee.allkiri.asic.internal.container.Containers.read;
import static ee.allkiri.core.FindingCode.DATA_FILE_NOT_IN_MANIFEST;
import static ee.allkiri.core.FindingCode.MANIFEST_ENTRY_NOT_IN_CONTAINER;
import static ee.allkiri.core.FindingCode.MANIFEST_MALFORMED;
import static ee.allkiri.core.FindingCode.MANIFEST_MISSING;
import static ee.allkiri.core.FindingCode.MANIFEST_ROOT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.core.Finding;
import ee.allkiri.core.Severity;
import ee.allkiri.testkit.zip.RawZip;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestRulesTest {

    private static final String NS = RawZip.MANIFEST_NS;
    private static final String ROOT = "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + RawZip.ASIC_E + "\"/>";

    private static RawZip withManifest(String xml) {
        RawZip zip = new RawZip();
        zip.add("mimetype", RawZip.ASIC_E);
        zip.add("META-INF/manifest.xml", xml).deflated();
        zip.add("test.txt", "x");
        zip.add("META-INF/signatures0.xml", "<s/>");
        return zip;
    }

    private static String manifest(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"" + NS + "\">" + body
                + "</manifest:manifest>";
    }

    @Test
    @DisplayName("no META-INF/manifest.xml is MANIFEST_MISSING, and data files are then not checked against it")
    void missing() {
        RawZip zip = new RawZip();
        zip.add("mimetype", RawZip.ASIC_E);
        zip.add("test.txt", "x");
        ParsedContainer c = read(zip);
        assertThat(codes(c)).containsExactly(MANIFEST_MISSING);
        assertThat(c.manifest()).isEmpty();
        assertThat(c.dataFiles()).extracting(DataFileEntry::manifestMediaType).containsOnlyNulls();
    }

    @Test
    @DisplayName("a manifest under another case is not the manifest")
    void manifestNameIsCaseSensitive() {
        RawZip zip = new RawZip();
        zip.add("mimetype", RawZip.ASIC_E);
        zip.add("META-INF/MANIFEST.XML", RawZip.manifest());
        assertThat(codes(zip)).contains(MANIFEST_MISSING);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "not xml at all",
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">",
        "<manifest xmlns=\"urn:example:other\"><file-entry full-path=\"test.txt\"/></manifest>",
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.1\"/>",
        "<manifest><file-entry full-path=\"test.txt\"/></manifest>",
        "<manifest:file-entry xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:full-path=\"/\"/>",
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:media-type=\"text/plain\"/></manifest:manifest>",
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry full-path=\"test.txt\"/></manifest:manifest>",
        "<!DOCTYPE manifest:manifest><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>",
        "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><x>&b;</x>"})
    @DisplayName("a manifest that is not a well-formed ODF manifest, or declares a DTD, is MANIFEST_MALFORMED")
    void malformed(String xml) {
        ParsedContainer c = read(withManifest(xml));
        assertThat(codes(c)).containsExactly(MANIFEST_MALFORMED);
        assertThat(c.manifest()).isEmpty();
        assertThat(c.dataFiles()).extracting(DataFileEntry::name).containsExactly("test.txt");
    }

    @Test
    @DisplayName("an external entity in the manifest is refused (no file is read), MANIFEST_MALFORMED")
    void externalEntityIsRefused(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "test.txt");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + manifest(ROOT + "<manifest:file-entry manifest:full-path=\"&x;\" manifest:media-type=\"text/plain\"/>");
        ParsedContainer c = read(withManifest(xml));
        assertThat(codes(c)).containsExactly(MANIFEST_MALFORMED);
        assertThat(c.findings().get(0).message()).doesNotContain("test.txt");
    }

    @Test
    @DisplayName("any namespace prefix is accepted; elements of other kinds are ignored")
    void prefixIsFree() {
        String xml = "<m:manifest xmlns:m=\"" + NS + "\" xmlns:x=\"urn:x\" m:version=\"1.2\"><x:note/>"
                + "<m:file-entry m:full-path=\"/\" m:media-type=\"" + RawZip.ASIC_E + "\"/>"
                + "<m:file-entry m:full-path=\"test.txt\" m:media-type=\"text/plain\"/></m:manifest>";
        ParsedContainer c = read(withManifest(xml));
        assertThat(codes(c)).isEmpty();
        assertThat(c.manifest()).hasValueSatisfying(m -> assertThat(m).containsExactly(
                new ManifestEntry("/", RawZip.ASIC_E), new ManifestEntry("test.txt", "text/plain")));
    }

    @Test
    @DisplayName("no '/' entry is MANIFEST_ROOT_ENTRY, a warning")
    void rootEntryMissing() {
        ParsedContainer c = read(withManifest(manifest(
                "<manifest:file-entry manifest:full-path=\"test.txt\" manifest:media-type=\"text/plain\"/>")));
        assertThat(codes(c)).containsExactly(MANIFEST_ROOT_ENTRY);
        assertThat(c.findings()).extracting(Finding::severity).containsExactly(Severity.WARNING);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"application/vnd.etsi.asic-s+zip", "application/zip", ""})
    @DisplayName("a '/' entry with another media type is MANIFEST_ROOT_ENTRY")
    void rootEntryWrongType(String type) {
        ParsedContainer c = read(withManifest(manifest(
                "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + type + "\"/>"
                + "<manifest:file-entry manifest:full-path=\"test.txt\" manifest:media-type=\"text/plain\"/>")));
        assertThat(codes(c)).containsExactly(MANIFEST_ROOT_ENTRY);
    }

    @Test
    @DisplayName("a '/' entry without a media type is MANIFEST_ROOT_ENTRY")
    void rootEntryWithoutType() {
        ParsedContainer c = read(withManifest(manifest("<manifest:file-entry manifest:full-path=\"/\"/>"
                + "<manifest:file-entry manifest:full-path=\"test.txt\" manifest:media-type=\"text/plain\"/>")));
        assertThat(codes(c)).containsExactly(MANIFEST_ROOT_ENTRY);
    }

    @Test
    @DisplayName("a listed file the ZIP lacks is MANIFEST_ENTRY_NOT_IN_CONTAINER; directories and META-INF paths are not files")
    void listedFileMissing() {
        ParsedContainer c = read(withManifest(manifest(ROOT
                + "<manifest:file-entry manifest:full-path=\"test.txt\" manifest:media-type=\"text/plain\"/>"
                + "<manifest:file-entry manifest:full-path=\"gone.pdf\" manifest:media-type=\"application/pdf\"/>"
                + "<manifest:file-entry manifest:full-path=\"docs/\" manifest:media-type=\"\"/>"
                + "<manifest:file-entry manifest:full-path=\"META-INF/signatures9.xml\" manifest:media-type=\"text/xml\"/>")));
        assertThat(c.findings()).extracting(Finding::code, Finding::location)
                .containsExactly(tuple(MANIFEST_ENTRY_NOT_IN_CONTAINER, "gone.pdf"));
    }

    @Test
    @DisplayName("a data file the manifest does not list is DATA_FILE_NOT_IN_MANIFEST")
    void dataFileNotListed() {
        RawZip zip = RawZip.asice();
        zip.add("extra.txt", "unsigned");
        ParsedContainer c = read(zip);
        assertThat(c.findings()).extracting(Finding::code, Finding::location)
                .containsExactly(tuple(DATA_FILE_NOT_IN_MANIFEST, "extra.txt"));
        assertThat(c.dataFiles()).extracting(DataFileEntry::name).containsExactly("test.txt", "extra.txt");
    }

    @Test
    @DisplayName("full paths are compared as written: a percent-encoded path does not match the plain name")
    void noUrlDecoding() {
        RawZip zip = new RawZip();
        zip.add("mimetype", RawZip.ASIC_E);
        zip.add("META-INF/manifest.xml", RawZip.manifest("a%20b.txt"));
        zip.add("a b.txt", "x");
        ParsedContainer c = read(zip);
        assertThat(c.findings()).extracting(Finding::code, Finding::location).containsExactly(
                tuple(DATA_FILE_NOT_IN_MANIFEST, "a b.txt"), tuple(MANIFEST_ENTRY_NOT_IN_CONTAINER, "a%20b.txt"));
    }

    @Test
    @DisplayName("a manifest that is too large is a LIMIT_ENTRY_SIZE, not parsed")
    void oversizedManifest() {
        RawZip zip = RawZip.asice();
        ParsedContainer c = read(zip, ContainerLimits.DEFAULT.withMaxXmlSize(100));
        assertThat(codes(c)).contains(ee.allkiri.core.FindingCode.LIMIT_ENTRY_SIZE);
        assertThat(c.isReadable()).isFalse();
    }
}
