package ee.allkiri.asic.internal.container;

import static ee.allkiri.asic.internal.container.Containers.codes;
import static ee.allkiri.asic.internal.container.Containers.read;
import static ee.allkiri.core.FindingCode.DATA_FILE_NOT_IN_MANIFEST;
import static ee.allkiri.core.FindingCode.ENTRY_DUPLICATE;
import static ee.allkiri.core.FindingCode.ENTRY_DUPLICATE_CASE;
import static ee.allkiri.core.FindingCode.ENTRY_NAME_UNSAFE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import ee.allkiri.core.Finding;
import ee.allkiri.testkit.zip.RawZip;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryNameRulesTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"/etc/passwd", "C:/Windows/x.txt", "c:x.txt", "../up.txt", "a/../../b.txt", "./a.txt",
        "a/./b.txt", "a//b.txt", "a\\b.txt", "..\\evil.txt", "tab\there.txt", "nul\0.txt", "del\u007f.txt", "line\n.txt",
        "dir/..", "", "//"})
    @DisplayName("absolute names, '.', '..' or empty segments, backslashes and control characters are ENTRY_NAME_UNSAFE")
    void unsafeNames(String name) {
        RawZip zip = RawZip.asice();
        zip.add(name, "x");
        ParsedContainer c = read(zip);
        assertThat(c.findings()).extracting(Finding::code, Finding::location).contains(tuple(ENTRY_NAME_UNSAFE, name));
        assertThat(c.isReadable()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"plain.txt", "with space.txt", "dir/sub/file.pdf", "õäöü ŠŽ.txt", "a+b=c;d.txt",
        "..hidden", "name..txt", ".config", "dir/", "C", "1:2.txt"})
    @DisplayName("ordinary relative names are not flagged")
    void safeNames(String name) {
        RawZip zip = RawZip.asice(name, "x");
        assertThat(codes(zip)).doesNotContain(ENTRY_NAME_UNSAFE);
    }

    @Test
    @DisplayName("a name flagged UTF-8 that is not valid UTF-8 is ENTRY_NAME_UNSAFE")
    void malformedUtf8NameIsUnsafe() {
        RawZip zip = RawZip.asice();
        zip.add("bad", "x").rawName(new byte[] {'b', (byte) 0xC3, '(', '.', 't', 'x', 't'});
        assertThat(codes(zip)).contains(ENTRY_NAME_UNSAFE);
    }

    @Test
    @DisplayName("the same bytes without the UTF-8 flag are CP437 and safe")
    void cp437NameIsSafe() {
        RawZip zip = RawZip.asice();
        zip.add("bad", "x").flags(0).rawName(new byte[] {'b', (byte) 0xC3, '(', '.', 't', 'x', 't'});
        ParsedContainer c = read(zip);
        assertThat(codes(c)).containsExactly(DATA_FILE_NOT_IN_MANIFEST);
        assertThat(c.entryNames()).contains("b\u251c(.txt");
    }

    @Test
    @DisplayName("a data file twice is ENTRY_DUPLICATE on the second; only the first counts as a data file")
    void duplicateDataFile() {
        RawZip zip = RawZip.asice("test.txt", "first");
        zip.add("test.txt", "second").deflated();
        ParsedContainer c = read(zip);
        assertThat(c.findings()).extracting(Finding::code, Finding::location).containsExactly(tuple(ENTRY_DUPLICATE, "test.txt"));
        assertThat(c.dataFiles()).singleElement().satisfies(f ->
                assertThat(f.sha256()).isEqualTo(Containers.sha256("first".getBytes(StandardCharsets.UTF_8))));
        assertThat(c.entryNames()).filteredOn("test.txt"::equals).hasSize(2);
    }

    @Test
    @DisplayName("a second manifest, a second mimetype and a duplicated signature file are ENTRY_DUPLICATE")
    void duplicateSpecialEntries() {
        RawZip zip = RawZip.asice();
        zip.add("META-INF/manifest.xml", RawZip.manifest());
        zip.add("mimetype", RawZip.ASIC_E);
        zip.add("META-INF/signatures0.xml", "<other/>");
        ParsedContainer c = read(zip);
        assertThat(c.findings()).extracting(Finding::code, Finding::location).containsExactly(
                tuple(ENTRY_DUPLICATE, "META-INF/manifest.xml"),
                tuple(ENTRY_DUPLICATE, "mimetype"),
                tuple(ENTRY_DUPLICATE, "META-INF/signatures0.xml"));
        assertThat(c.signatureFiles()).containsExactly("META-INF/signatures0.xml");
    }

    @Test
    @DisplayName("names equal but for case are ENTRY_DUPLICATE_CASE")
    void caseDuplicates() {
        RawZip zip = RawZip.asice("Test.TXT", "a", "test.txt", "b");
        zip.add("META-INF/Manifest.xml", RawZip.manifest());
        ParsedContainer c = read(zip);
        assertThat(c.findings()).extracting(Finding::code, Finding::location).contains(
                tuple(ENTRY_DUPLICATE_CASE, "test.txt"), tuple(ENTRY_DUPLICATE_CASE, "META-INF/Manifest.xml"));
        assertThat(c.dataFiles()).extracting(DataFileEntry::name).containsExactly("Test.TXT", "test.txt");
    }
}
