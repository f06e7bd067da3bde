package ee.allkiri.asic.internal.container;

import static ee.allkiri.asic.internal.container.Containers.codes;
import static ee.allkiri.asic.internal.container.Containers.read;
import static ee.allkiri.core.FindingCode.DATA_FILE_NOT_IN_MANIFEST;
import static ee.allkiri.core.FindingCode.NOT_A_ZIP;
import static ee.allkiri.core.FindingCode.ZIP_CORRUPT;
import static ee.allkiri.core.FindingCode.ZIP_HEADER_MISMATCH;
import static ee.allkiri.core.FindingCode.ZIP_UNSUPPORTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.zip.RawZip;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZipStructureTest {

    private static void assertUnreadable(ParsedContainer c, FindingCode code) {
        assertThat(codes(c)).containsExactly(code);
        assertThat(c.isReadable()).isFalse();
        assertThat(c.dataFiles()).isEmpty();
        assertThat(c.manifest()).isEmpty();
        assertThat(c.mimetype()).isNull();
    }

    // ---- not a ZIP -----------------------------------------------------------------------------

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "hello, world\n", "%PDF-1.7\n%more", "PK"})
    @DisplayName("an empty file, a text file or a PDF is NOT_A_ZIP")
    void nonZipContentIsNotAZip(String content) {
        assertUnreadable(Containers.READER.read(content.getBytes(StandardCharsets.UTF_8)), NOT_A_ZIP);
    }

    @Test
    @DisplayName("random bytes are NOT_A_ZIP")
    void randomBytesAreNotAZip() {
        byte[] bytes = new byte[100_000];
        new Random(7).nextBytes(bytes);
        assertUnreadable(Containers.READER.read(bytes), NOT_A_ZIP);
    }

    @Test
    @DisplayName("an empty archive (just an end record) is a ZIP without mimetype or manifest")
    void emptyArchiveIsAZip() {
        ParsedContainer c = read(new RawZip());
        assertThat(codes(c)).containsExactly(FindingCode.MIMETYPE_MISSING, FindingCode.MANIFEST_MISSING);
        assertThat(c.isReadable()).isTrue();
    }

    // ---- damaged structure ---------------------------------------------------------------------

    @Test
    @DisplayName("an archive cut short (no end record, but starts with a local header) is ZIP_CORRUPT")
    void truncatedArchiveIsCorrupt() {
        byte[] whole = RawZip.asice().toBytes();
        assertUnreadable(Containers.READER.read(Arrays.copyOf(whole, whole.length - 30)), ZIP_CORRUPT);
        assertUnreadable(Containers.READER.read(Arrays.copyOf(whole, whole.length / 2)), ZIP_CORRUPT);
    }

    @Test
    @DisplayName("bytes after the end record (comment length does not reach the end) make it ZIP_CORRUPT")
    void trailingGarbageIsCorrupt() {
        byte[] bytes = RawZip.concat(RawZip.asice().toBytes(), "garbage".getBytes(StandardCharsets.UTF_8));
        assertUnreadable(Containers.READER.read(bytes), ZIP_CORRUPT);
    }

    @ParameterizedTest(name = "central directory offset shifted by {0}")
    @ValueSource(longs = {-1, 1, 100_000, 0xFFFF_FFF0L})
    @DisplayName("a central directory offset that does not lead to the end record is ZIP_CORRUPT")
    void centralDirectoryOffsetOutOfRange(long shift) {
        assertUnreadable(read(RawZip.asice().centralOffsetShift(shift)), ZIP_CORRUPT);
    }

    @Test
    @DisplayName("an end record declaring more entries than the directory holds is ZIP_CORRUPT")
    void wrongEntryCountIsCorrupt() {
        assertUnreadable(read(RawZip.asice().declaredCount(5)), ZIP_CORRUPT);
        assertUnreadable(read(RawZip.asice().declaredCount(3)), ZIP_CORRUPT);
    }

    @Test
    @DisplayName("data before the first local header (a self-extractor stub) is ZIP_CORRUPT")
    void prefixedArchiveIsCorrupt() {
        byte[] whole = RawZip.concat("MZ stub".getBytes(StandardCharsets.UTF_8), RawZip.asice().toBytes());
        assertUnreadable(Containers.READER.read(whole), ZIP_CORRUPT);
    }

    @Test
    @DisplayName("an archive whose first local header is not at offset 0 is ZIP_CORRUPT")
    void firstEntryNotAtOffsetZeroIsCorrupt() {
        RawZip zip = new RawZip();
        zip.add("hidden", "not in the directory").localOnly();
        zip.add("mimetype", RawZip.ASIC_E);
        zip.add("META-INF/manifest.xml", RawZip.manifest());
        assertUnreadable(read(zip), ZIP_CORRUPT);
    }

    @Test
    @DisplayName("a central directory header that points at no local header is ZIP_CORRUPT")
    void missingLocalHeaderIsCorrupt() {
        byte[] bytes = RawZip.asice("test.txt", "content").toBytes();
        int header = indexOf(bytes, "test.txt".getBytes(StandardCharsets.ISO_8859_1), 0) - 30;
        assertThat(Arrays.copyOfRange(bytes, header, header + 4)).containsExactly('P', 'K', 3, 4);
        bytes[header] = 'X';
        assertUnreadable(Containers.READER.read(bytes), ZIP_CORRUPT);
    }

    @Test
    @DisplayName("two central directory entries sharing one local header (overlapping-file bomb) are ZIP_CORRUPT")
    void overlappingEntriesAreCorrupt() {
        RawZip zip = RawZip.asice("test.txt", "content");
        zip.add("copy.txt", "content").deflated().sharesLocalHeaderOf(2);
        assertUnreadable(read(zip), ZIP_CORRUPT);
    }

    @Test
    @DisplayName("an entry whose compressed size runs into the next entry is ZIP_CORRUPT")
    void compressedSizeIntoNextEntryIsCorrupt() {
        RawZip zip = RawZip.asice("test.txt", "content");
        zip.entry("test.txt").compressedSize(200);
        assertUnreadable(read(zip), ZIP_CORRUPT);
    }

    @Test
    @DisplayName("an entry whose data runs into the central directory is ZIP_CORRUPT")
    void dataIntoCentralDirectoryIsCorrupt() {
        RawZip zip = RawZip.asice();
        zip.entry("META-INF/signatures0.xml").compressedSize(5_000);
        assertUnreadable(read(zip), ZIP_CORRUPT);
    }

    @Test
    @DisplayName("a local entry hidden between two listed entries (seen by stream readers only) is ZIP_CORRUPT")
    void hiddenEntryBetweenEntriesIsCorrupt() {
        RawZip zip = RawZip.asice();
        zip.add("hidden.txt", "only ZipInputStream sees me").localOnly();
        zip.add("late.txt", "x");
        assertUnreadable(read(zip), ZIP_CORRUPT);
    }

    @Test
    @DisplayName("bytes between the last entry and the central directory are ZIP_CORRUPT")
    void hiddenBytesBeforeCentralDirectoryAreCorrupt() {
        RawZip zip = RawZip.asice();
        zip.add("hidden.txt", "x").localOnly();
        assertUnreadable(read(zip), ZIP_CORRUPT);
    }

    @Test
    @DisplayName("a data descriptor that disagrees with the central directory is ZIP_HEADER_MISMATCH")
    void dataDescriptorMismatch() {
        RawZip zip = RawZip.asice();
        zip.entry("test.txt").dataDescriptor().descriptorCrc(1234);
        ParsedContainer c = read(zip);
        assertThat(codes(c)).containsExactly(ZIP_HEADER_MISMATCH);
        assertThat(c.dataFiles()).isEmpty();
    }

    @Test
    @DisplayName("data descriptors with or without signature, 32- or 64-bit sizes, are accepted")
    void dataDescriptorForms() {
        RawZip zip = RawZip.asice("a.txt", "a", "b.txt", "b", "c.txt", "c", "d.txt", "d");
        zip.entry("a.txt").dataDescriptor();
        zip.entry("b.txt").unsignedDescriptor();
        zip.entry("c.txt").dataDescriptor().zip64();
        zip.entry("d.txt").unsignedDescriptor().zip64();
        ParsedContainer c = read(zip);
        assertThat(codes(c)).isEmpty();
        assertThat(c.dataFiles()).hasSize(4);
    }

    @Test
    @DisplayName("a ZIP64 end record that disagrees with the classic end record is ZIP_CORRUPT")
    void zip64EndRecordDisagreementIsCorrupt() {
        byte[] bytes = RawZip.asice().zip64End().toBytes();
        // classic end record: entries on disk and total entries at +8/+10 from its signature
        int end = bytes.length - 22;
        bytes[end + 8] = 3;
        bytes[end + 9] = 0;
        bytes[end + 10] = 3;
        bytes[end + 11] = 0;
        assertUnreadable(Containers.READER.read(bytes), ZIP_CORRUPT);
    }

    @Test
    @DisplayName("a ZIP64 size announced in the header but missing from the extra field is ZIP_CORRUPT")
    void missingZip64ExtraIsCorrupt() {
        RawZip zip = RawZip.asice();
        zip.entry("test.txt").size(0xFFFF_FFFFL).localSize(13);
        assertUnreadable(read(zip), ZIP_CORRUPT);
    }

    // ---- entry content -------------------------------------------------------------------------

    @Test
    @DisplayName("a CRC-32 mismatch in a data file is ZIP_CORRUPT on that entry; the file is left out, the rest is read")
    void crcMismatchIsCorrupt() {
        RawZip zip = RawZip.asice("a.txt", "good", "b.txt", "bad");
        zip.entry("b.txt").crc(12345);
        ParsedContainer c = read(zip);
        assertThat(c.findings()).extracting(Finding::code, Finding::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ZIP_CORRUPT, "b.txt"));
        assertThat(c.isReadable()).isTrue();
        assertThat(c.dataFiles()).extracting(DataFileEntry::name).containsExactly("a.txt");
    }

    @Test
    @DisplayName("a CRC-32 mismatch in a STORED data file is ZIP_CORRUPT")
    void crcMismatchInStoredEntryIsCorrupt() {
        RawZip zip = RawZip.asice();
        zip.entry("test.txt").method(0).crc(1);
        assertThat(codes(zip)).containsExactly(ZIP_CORRUPT);
    }

    @ParameterizedTest(name = "declared {0} bytes for 13")
    @ValueSource(longs = {12, 14, 0, 1000})
    @DisplayName("deflated data longer or shorter than the declared size is ZIP_CORRUPT")
    void sizeDisagreementIsCorrupt(long declared) {
        RawZip zip = RawZip.asice("test.txt", "hello, world\n");
        zip.entry("test.txt").size(declared);
        ParsedContainer c = read(zip);
        assertThat(codes(c)).containsExactly(ZIP_CORRUPT);
        assertThat(c.dataFiles()).isEmpty();
    }

    @Test
    @DisplayName("a STORED entry whose compressed and uncompressed sizes differ is ZIP_CORRUPT")
    void storedSizeDisagreementIsCorrupt() {
        RawZip zip = RawZip.asice();
        zip.entry("test.txt").method(0).size(5);
        assertThat(codes(zip)).containsExactly(ZIP_CORRUPT);
    }

    @Test
    @DisplayName("invalid deflate data is ZIP_CORRUPT")
    void invalidDeflateDataIsCorrupt() {
        RawZip zip = RawZip.asice();
        zip.entry("test.txt").compressed(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x12, 0x34});
        assertThat(codes(zip)).containsExactly(ZIP_CORRUPT);
    }

    @Test
    @DisplayName("a deflate stream cut short is ZIP_CORRUPT")
    void truncatedDeflateStreamIsCorrupt() {
        byte[] content = new byte[5000];
        new Random(1).nextBytes(content);
        byte[] deflated = RawZip.deflate(content);
        RawZip zip = RawZip.asice();
        zip.add("random.bin", content).deflated().compressed(Arrays.copyOf(deflated, deflated.length - 100));
        assertThat(codes(zip)).containsExactly(ZIP_CORRUPT, DATA_FILE_NOT_IN_MANIFEST);
    }

    // ---- local header against central directory ------------------------------------------------

    static Stream<Arguments> headerMismatches() {
        return Stream.of(
                Arguments.of("name", (Consumer<RawZip.Entry>) e -> e.localName("other.txt")),
                Arguments.of("method", (Consumer<RawZip.Entry>) e -> e.localMethod(0)),
                Arguments.of("encryption flag", (Consumer<RawZip.Entry>) e -> e.localFlags(0x0801)),
                Arguments.of("UTF-8 flag", (Consumer<RawZip.Entry>) e -> e.localFlags(0)),
                Arguments.of("data descriptor flag", (Consumer<RawZip.Entry>) e -> e.localFlags(0x0808)),
                Arguments.of("CRC-32", (Consumer<RawZip.Entry>) e -> e.localCrc(99)),
                Arguments.of("uncompressed size", (Consumer<RawZip.Entry>) e -> e.localSize(99)));
    }

    @ParameterizedTest(name = "local {0} differs")
    @MethodSource("headerMismatches")
    @DisplayName("a local header that disagrees with the central directory is ZIP_HEADER_MISMATCH; the entry is not read")
    void localHeaderMismatch(String what, Consumer<RawZip.Entry> change) {
        RawZip zip = RawZip.asice("test.txt", "hello, world\n");
        change.accept(zip.entry("test.txt"));
        ParsedContainer c = read(zip);
        assertThat(codes(c)).containsExactly(ZIP_HEADER_MISMATCH);
        assertThat(c.findings().get(0).location()).isEqualTo("test.txt");
        assertThat(c.dataFiles()).isEmpty();
        assertThat(c.isReadable()).isTrue();
        assertThatThrownBy(() -> c.readEntry("test.txt"))
                .isInstanceOfSatisfying(EntryReadException.class, e -> assertThat(e.code()).isEqualTo(ZIP_HEADER_MISMATCH));
    }

    @Test
    @DisplayName("with a data descriptor, zero CRC and sizes in the local header are not a mismatch")
    void dataDescriptorZerosAreNotAMismatch() {
        RawZip zip = RawZip.asice();
        zip.entry("test.txt").dataDescriptor();
        assertThat(codes(zip)).isEmpty();
    }

    // ---- unsupported features ------------------------------------------------------------------

    @Test
    @DisplayName("an encrypted entry is ZIP_UNSUPPORTED and left out")
    void encryptedEntryIsUnsupported() {
        RawZip zip = RawZip.asice();
        zip.entry("test.txt").flags(0x0801);
        ParsedContainer c = read(zip);
        assertThat(codes(c)).containsExactly(ZIP_UNSUPPORTED);
        assertThat(c.dataFiles()).isEmpty();
    }

    @ParameterizedTest(name = "method {0}")
    @ValueSource(ints = {1, 9, 12, 14, 93, 99})
    @DisplayName("a compression method other than STORED and DEFLATED is ZIP_UNSUPPORTED")
    void unknownMethodIsUnsupported(int method) {
        RawZip zip = RawZip.asice();
        zip.entry("test.txt").method(method);
        assertThat(codes(zip)).containsExactly(ZIP_UNSUPPORTED);
    }

    @Test
    @DisplayName("a multi-disk archive is ZIP_UNSUPPORTED and unreadable")
    void multiDiskIsUnsupported() {
        assertUnreadable(read(RawZip.asice().endDisk(1)), ZIP_UNSUPPORTED);
        assertUnreadable(read(RawZip.asice().zip64End().endDisk(2)), ZIP_UNSUPPORTED);
    }

    @Test
    @DisplayName("an entry starting on another disk is ZIP_UNSUPPORTED")
    void entryOnOtherDiskIsUnsupported() {
        RawZip zip = RawZip.asice();
        zip.entry("test.txt").disk(1);
        assertUnreadable(read(zip), ZIP_UNSUPPORTED);
    }

    // ---- robustness ----------------------------------------------------------------------------

    @Test
    @DisplayName("thousands of randomly damaged containers never throw, only give findings")
    void damagedContainersNeverThrow() {
        RawZip zip = RawZip.asice("a.txt", "some text that compresses, some text that compresses", "b.bin", "bbbb");
        zip.entry("b.bin").zip64().dataDescriptor();
        byte[] clean = zip.toBytes();
        Random random = new Random(20240601);
        for (int round = 0; round < 3000; round++) {
            byte[] bytes = clean.clone();
            int changes = 1 + random.nextInt(4);
            for (int i = 0; i < changes; i++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            if (round % 10 == 0) {
                bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            try (ParsedContainer c = Containers.READER.read(bytes)) {
                assertThat(c.findings()).isNotNull();
                for (String name : c.signatureFiles()) {
                    try {
                        c.readEntry(name);
                    } catch (EntryReadException expected) {
                        assertThat(expected.code()).isNotNull();
                    }
                }
            } catch (java.io.IOException e) {
                throw new AssertionError("round " + round, e);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
