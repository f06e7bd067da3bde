package ee.allkiri.asic.internal.container;

import static ee.allkiri.asic.internal.container.Containers.codes;
import static ee.allkiri.asic.internal.container.Containers.read;
import static ee.allkiri.core.FindingCode.DATA_FILE_EMPTY;
import static ee.allkiri.core.FindingCode.MANIFEST_MISSING;
import static ee.allkiri.core.FindingCode.META_INF_UNKNOWN_ENTRY;
import static ee.allkiri.core.FindingCode.NO_DATA_FILES;
import static ee.allkiri.core.FindingCode.NO_SIGNATURES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Severity;
import ee.allkiri.testkit.zip.RawZip;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StructureRulesTest {

    @Test
    @DisplayName("an empty data file is DATA_FILE_EMPTY, a warning; it is still a data file")
    void emptyDataFile() {
        ParsedContainer c = read(RawZip.asice("empty.txt", "", "full.txt", "x"));
        assertThat(c.findings()).extracting(Finding::code, Finding::location, Finding::severity)
                .containsExactly(tuple(DATA_FILE_EMPTY, "empty.txt", Severity.WARNING));
        assertThat(c.dataFiles()).extracting(DataFileEntry::name, DataFileEntry::size)
                .containsExactly(tuple("empty.txt", 0L), tuple("full.txt", 1L));
    }

    @Test
    @DisplayName("signature files without any data file is NO_DATA_FILES")
    void signaturesWithoutDataFiles() {
        RawZip zip = new RawZip();
        zip.add("mimetype", RawZip.ASIC_E);
        zip.add("META-INF/manifest.xml", RawZip.manifest());
        zip.add("META-INF/signatures0.xml", "<s/>");
        assertThat(codes(zip)).containsExactly(NO_DATA_FILES);
    }

    @Test
    @DisplayName("no data files and no signatures gives neither NO_DATA_FILES nor NO_SIGNATURES (the verifier decides)")
    void nothingAtAll() {
        RawZip zip = new RawZip();
        zip.add("mimetype", RawZip.ASIC_E);
        zip.add("META-INF/manifest.xml", RawZip.manifest());
        assertThat(codes(zip)).doesNotContain(NO_DATA_FILES, NO_SIGNATURES).isEmpty();
    }

    @Test
    @DisplayName("other META-INF entries are META_INF_UNKNOWN_ENTRY warnings; META-INF directories are not")
    void unknownMetaInfEntries() {
        RawZip zip = RawZip.asice();
        zip.add("META-INF/", "");
        zip.add("META-INF/container.xml", "<c/>");
        zip.add("META-INF/signature.xml", "<s/>");
        zip.add("META-INF/sub/signatures1.xml", "<s/>");
        zip.add("META-INF/sub/signature1.p7s", "x");
        zip.add("META-INF/ASiCArchiveManifest.xml", "<m/>");
        ParsedContainer c = read(zip);
        assertThat(c.findings()).extracting(Finding::code, Finding::location).containsExactly(
                tuple(META_INF_UNKNOWN_ENTRY, "META-INF/container.xml"),
                tuple(META_INF_UNKNOWN_ENTRY, "META-INF/signature.xml"),
                tuple(META_INF_UNKNOWN_ENTRY, "META-INF/sub/signatures1.xml"),
                tuple(META_INF_UNKNOWN_ENTRY, "META-INF/sub/signature1.p7s"),
                tuple(META_INF_UNKNOWN_ENTRY, "META-INF/ASiCArchiveManifest.xml"));
        assertThat(c.findings()).allMatch(f -> f.severity() == Severity.WARNING);
        assertThat(c.signatureFiles()).containsExactly("META-INF/signatures0.xml");
    }

    @Test
    @DisplayName("CAdES signatures (META-INF/*signature*.p7s) are signature files and ASiCManifests are known (ETSI EN 319 162-1 4.4.4.2)")
    void cadesEntries() {
        RawZip zip = RawZip.asice();
        zip.add("META-INF/signature001.p7s", "x");
        zip.add("META-INF/ASiCManifest001.xml", "<m/>");
        ParsedContainer c = read(zip);
        assertThat(c.findings()).isEmpty();
        assertThat(c.signatureFiles()).containsExactly("META-INF/signatures0.xml", "META-INF/signature001.p7s");
    }

    @Test
    @DisplayName("without XAdES signatures, CAdES signatures need no META-INF/manifest.xml; with one they do")
    void manifestOptionalForCadesOnly() {
        RawZip cades = new RawZip();
        cades.add("mimetype", RawZip.ASIC_E);
        cades.add("test.txt", "hello").deflated();
        cades.add("META-INF/ASiCManifest001.xml", "<m/>");
        cades.add("META-INF/signature001.p7s", "x");
        assertThat(codes(cades)).doesNotContain(MANIFEST_MISSING);
        cades.add("META-INF/signatures0.xml", "<s/>");
        assertThat(codes(cades)).contains(MANIFEST_MISSING);
    }

    @Test
    @DisplayName("signature files are META-INF children containing 'signatures' and ending '.xml', in archive order")
    void signatureFileNames() {
        RawZip zip = RawZip.asice();
        zip.add("META-INF/signatures10.xml", "<s/>");
        zip.add("META-INF/my-signatures.xml", "<s/>");
        zip.add("META-INF/signatures.xml", "<s/>");
        ParsedContainer c = read(zip);
        assertThat(c.signatureFiles()).containsExactly("META-INF/signatures0.xml", "META-INF/signatures10.xml",
                "META-INF/my-signatures.xml", "META-INF/signatures.xml");
        assertThat(c.findings()).isEmpty();
    }

    @Test
    @DisplayName("data files are everything but mimetype, META-INF and directories, in archive order")
    void dataFilesSelection() {
        RawZip zip = RawZip.asice("z.txt", "1", "a/b.txt", "2", "meta-inf/x.txt", "3");
        zip.add("a/", "");
        ParsedContainer c = read(zip);
        assertThat(c.dataFiles()).extracting(DataFileEntry::name).containsExactly("z.txt", "a/b.txt", "meta-inf/x.txt");
        assertThat(c.findings()).isEmpty();
    }

    @Test
    @DisplayName("findings come in archive order, then container-wide findings in rule order")
    void findingOrder() {
        RawZip zip = new RawZip();
        zip.add("b.txt", "");
        zip.add("META-INF/manifest.xml", RawZip.manifest("missing.txt"));
        zip.add("a.txt", "x");
        zip.add("META-INF/other.xml", "<o/>");
        zip.add("a.txt", "y");
        List<FindingCode> codes = codes(zip);
        assertThat(codes).containsExactly(
                FindingCode.DATA_FILE_NOT_IN_MANIFEST, DATA_FILE_EMPTY,  // b.txt
                FindingCode.DATA_FILE_NOT_IN_MANIFEST,                   // a.txt
                META_INF_UNKNOWN_ENTRY,                                  // META-INF/other.xml
                FindingCode.ENTRY_DUPLICATE,                             // second a.txt
                FindingCode.MIMETYPE_MISSING, FindingCode.MANIFEST_ENTRY_NOT_IN_CONTAINER);
        assertThat(codes(zip)).isEqualTo(codes);
    }
}
