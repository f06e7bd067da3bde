package ee.allkiri.asic.internal.container;

import static ee.allkiri.asic.internal.container.Containers.codes;
import static ee.allkiri.asic.internal.container.Containers.read;
import static ee.allkiri.core.FindingCode.LIMIT_COMPRESSION_RATIO;
import static ee.allkiri.core.FindingCode.LIMIT_ENTRY_COUNT;
import static ee.allkiri.core.FindingCode.LIMIT_ENTRY_SIZE;
import static ee.allkiri.core.FindingCode.LIMIT_TOTAL_SIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.testing.DeflatedZeros;
import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.zip.RawZip;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LimitsTest {

    private static final long GIB = 1L << 30;
    /** 1 GiB of zeros as raw deflate data (about 1 MB). */
    private static byte[] gigabyteOfZeros;

    @BeforeAll
    static void buildBomb() {
        gigabyteOfZeros = DeflatedZeros.mebibytes(1024);
    }

    private static RawZip bomb(String name, long declaredSize) {
        RawZip zip = RawZip.asice();
        zip.add(name, new byte[0]).deflated().compressed(gigabyteOfZeros).size(declaredSize).crc(0);
        return zip;
    }

    private static long allocatedBytes() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
            return sun.getCurrentThreadAllocatedBytes();
        }
        return 0;
    }

    @Test
    @DisplayName("more entries than maxEntries is LIMIT_ENTRY_COUNT; nothing is read and the container is unreadable")
    void entryCount() {
        ParsedContainer c = read(RawZip.asice(), ContainerLimits.DEFAULT.withMaxEntries(3));
        assertThat(codes(c)).containsExactly(LIMIT_ENTRY_COUNT);
        assertThat(c.isReadable()).isFalse();
        assertThat(c.entryNames()).isEmpty();
        assertThatThrownBy(() -> c.readEntry("mimetype"))
                .isInstanceOfSatisfying(EntryReadException.class, e -> assertThat(e.code()).isEqualTo(LIMIT_ENTRY_COUNT));
    }

    @Test
    @DisplayName("a ZIP64 end record claiming a trillion entries is LIMIT_ENTRY_COUNT, decided before parsing")
    void absurdEntryCount() {
        assertThat(codes(RawZip.asice().zip64End().declaredCount(1_000_000_000_000L))).containsExactly(LIMIT_ENTRY_COUNT);
    }

    @Test
    @DisplayName("a declared size above maxEntrySize is LIMIT_ENTRY_SIZE")
    void declaredEntrySize() {
        RawZip zip = RawZip.asice("big.bin", "x".repeat(2000));
        ParsedContainer c = read(zip, ContainerLimits.DEFAULT.withMaxEntrySize(1000));
        assertThat(codes(c)).containsExactly(LIMIT_ENTRY_SIZE);
        assertThat(c.findings().get(0).location()).isEqualTo("big.bin");
        assertThat(c.isReadable()).isFalse();
        assertThat(c.dataFiles()).isEmpty();
    }

    @Test
    @DisplayName("a signature or manifest file above maxXmlSize is LIMIT_ENTRY_SIZE; a data file ending .xml is not held to it")
    void xmlSize() {
        RawZip zip = RawZip.asice("data.xml", "<x>" + "y".repeat(3000) + "</x>");
        assertThat(codes(read(zip, ContainerLimits.DEFAULT.withMaxXmlSize(1000)))).isEmpty();
        zip.add("META-INF/signatures1.xml", "<s>" + "y".repeat(3000) + "</s>");
        assertThat(codes(read(zip, ContainerLimits.DEFAULT.withMaxXmlSize(1000)))).containsExactly(LIMIT_ENTRY_SIZE);
    }

    @Test
    @DisplayName("an entry that inflates past maxEntrySize while declaring less is LIMIT_ENTRY_SIZE")
    void actualEntrySize() {
        byte[] content = new byte[5000];
        Random random = new Random(3);
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) ('a' + random.nextInt(4));
        }
        RawZip zip = RawZip.asice();
        zip.add("liar.txt", content).deflated().size(500);
        ParsedContainer c = read(zip, ContainerLimits.DEFAULT.withMaxEntrySize(1000));
        assertThat(codes(c)).containsExactly(LIMIT_ENTRY_SIZE);
        assertThat(c.isReadable()).isFalse();
    }

    @Test
    @DisplayName("declared sizes adding up past maxTotalSize is LIMIT_TOTAL_SIZE")
    void totalSize() {
        ParsedContainer c = read(RawZip.asice("a.txt", "x".repeat(600), "b.txt", "y".repeat(600)),
                ContainerLimits.DEFAULT.withMaxTotalSize(1000));
        assertThat(codes(c)).containsExactly(LIMIT_TOTAL_SIZE);
        assertThat(c.isReadable()).isFalse();
    }

    @Test
    @DisplayName("a declared ratio above maxCompressionRatio, past the threshold, is LIMIT_COMPRESSION_RATIO")
    void declaredRatio() {
        RawZip zip = RawZip.asice();
        zip.add("zeros.bin", new byte[100_000]).deflated();
        assertThat(codes(read(zip, ContainerLimits.DEFAULT.withMaxCompressionRatio(10, 1000))))
                .containsExactly(LIMIT_COMPRESSION_RATIO);
    }

    @Test
    @DisplayName("a highly compressed entry below the ratio threshold is fine")
    void belowThreshold() {
        RawZip zip = RawZip.asice("zeros.bin", "");
        zip.entry("zeros.bin").content(new byte[500_000]);
        assertThat(codes(zip)).isEmpty();
    }

    @Test
    @DisplayName("a 1 GiB zip bomb declaring its size honestly is LIMIT_COMPRESSION_RATIO without inflating anything")
    void honestBomb() {
        long allocatedBefore = allocatedBytes();
        ParsedContainer c = Containers.READER.read(bomb("bomb.bin", GIB).toBytes());
        assertThat(codes(c)).containsExactly(LIMIT_COMPRESSION_RATIO);
        assertThat(c.isReadable()).isFalse();
        assertThat(allocatedBytes() - allocatedBefore).isLessThan(8L << 20);
        // the same declaration over bytes that are no deflate data at all: inflating one byte would be a data error
        RawZip garbage = RawZip.asice();
        byte[] noDeflate = new byte[gigabyteOfZeros.length];
        Arrays.fill(noDeflate, (byte) 0xFF);
        garbage.add("bomb.bin", new byte[0]).deflated().compressed(noDeflate).size(GIB).crc(0);
        assertThat(codes(Containers.READER.read(garbage.toBytes()))).containsExactly(LIMIT_COMPRESSION_RATIO);
    }

    @Test
    @DisplayName("a 1 GiB zip bomb lying about its size is LIMIT_COMPRESSION_RATIO, inflating at most a fifth of it, in bounded memory")
    void lyingBomb(@TempDir Path dir) throws IOException {
        // after the first 200 of its 1024 MiB the deflate data is garbage: a reader that inflated further would meet it
        byte[] cut = gigabyteOfZeros.clone();
        int mebibyte = (cut.length - 2) / 1024;
        Arrays.fill(cut, 200 * mebibyte, cut.length, (byte) 0xFF);
        RawZip zip = RawZip.asice();
        zip.add("bomb.bin", new byte[0]).deflated().compressed(cut).size(1000).crc(0);
        Path file = zip.write(dir.resolve("bomb.asice"));
        long allocatedBefore = allocatedBytes();
        try (ParsedContainer c = Containers.READER.read(file)) {
            assertThat(codes(c)).containsExactly(LIMIT_COMPRESSION_RATIO);
            assertThat(c.isReadable()).isFalse();
        }
        assertThat(allocatedBytes() - allocatedBefore).isLessThan(8L << 20);
    }

    @Test
    @DisplayName("a bomb lying about its size with a high ratio limit stops at maxEntrySize: LIMIT_ENTRY_SIZE")
    void lyingBombAgainstEntrySize() {
        ParsedContainer c = read(bomb("bomb.bin", 0), ContainerLimits.DEFAULT.withMaxEntrySize(50L << 20)
                .withMaxCompressionRatio(100_000, 1L << 20));
        assertThat(codes(c)).containsExactly(LIMIT_ENTRY_SIZE);
    }

    @Test
    @DisplayName("a signature file that inflates past maxXmlSize while declaring a small size fails readEntry with LIMIT_ENTRY_SIZE")
    void lyingSignatureFile() {
        RawZip zip = RawZip.asice();
        zip.add("META-INF/signatures1.xml", new byte[0]).deflated().compressed(gigabyteOfZeros).size(10).crc(0);
        ParsedContainer c = read(zip, ContainerLimits.DEFAULT.withMaxXmlSize(1 << 20).withMaxCompressionRatio(100_000, 0));
        assertThat(c.isReadable()).isTrue();
        assertThatThrownBy(() -> c.readEntry("META-INF/signatures1.xml"))
                .isInstanceOfSatisfying(EntryReadException.class, e -> assertThat(e.code()).isEqualTo(LIMIT_ENTRY_SIZE));
    }

    @Test
    @DisplayName("the bomb generator really produces 1 GiB of zeros (sanity check of the test itself)")
    void bombIsWhatItClaims() throws Exception {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        try {
            inflater.setInput(DeflatedZeros.mebibytes(4));
            byte[] out = new byte[1 << 16];
            long total = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(out);
                for (int i = 0; i < n; i++) {
                    assertThat(out[i]).isZero();
                }
                total += n;
                if (n == 0 && inflater.needsInput()) {
                    break;
                }
            }
            assertThat(inflater.finished()).isTrue();
            assertThat(total).isEqualTo(4L << 20);
        } finally {
            inflater.end();
        }
        assertThat(gigabyteOfZeros.length).isBetween(500_000, 2_000_000);
        assertThat(FindingCode.LIMIT_COMPRESSION_RATIO.defaultSeverity()).isEqualTo(ee.allkiri.core.Severity.ERROR);
    }
}
