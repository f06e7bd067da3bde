package ee.allkiri.asic.internal.container;

import static ee.allkiri.asic.internal.container.Containers.codes;
import static ee.allkiri.asic.internal.container.Containers.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.zip.RawZip;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParsedContainerTest {

    @Test
    @DisplayName("readEntry returns the whole content of STORED, DEFLATED, data-descriptor and ZIP64 entries")
    void readEntryReturnsContent() throws IOException {
        RawZip zip = RawZip.asice("a.txt", "deflated", "b.txt", "descriptor", "c.txt", "zip64");
        zip.entry("b.txt").dataDescriptor();
        zip.entry("c.txt").zip64().dataDescriptor();
        try (ParsedContainer c = read(zip)) {
            assertThat(c.readEntry("mimetype")).asString(StandardCharsets.US_ASCII).isEqualTo(RawZip.ASIC_E);
            assertThat(c.readEntry("a.txt")).asString(StandardCharsets.UTF_8).isEqualTo("deflated");
            assertThat(c.readEntry("b.txt")).asString(StandardCharsets.UTF_8).isEqualTo("descriptor");
            assertThat(c.readEntry("c.txt")).asString(StandardCharsets.UTF_8).isEqualTo("zip64");
            assertThat(c.readEntry("META-INF/signatures0.xml")).asString(StandardCharsets.UTF_8).isEqualTo("<signature/>");
        }
    }

    @Test
    @DisplayName("openEntry streams the content")
    void openEntryStreams() throws IOException {
        byte[] content = new byte[200_000];
        new Random(5).nextBytes(content);
        RawZip zip = RawZip.asice();
        zip.add("random.bin", content).deflated();
        try (ParsedContainer c = read(zip); InputStream in = c.openEntry("random.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    @DisplayName("readEntry of a name that is not in the container throws NoSuchFileException")
    void unknownEntry() throws IOException {
        try (ParsedContainer c = read(RawZip.asice())) {
            assertThatThrownBy(() -> c.readEntry("nope.txt")).isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> c.openEntry("nope.txt")).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    @DisplayName("a damaged signature file fails readEntry and openEntry (at EOF) with ZIP_CORRUPT")
    void damagedSignatureFile() throws IOException {
        RawZip zip = RawZip.asice();
        zip.entry("META-INF/signatures0.xml").crc(42);
        try (ParsedContainer c = read(zip)) {
            assertThat(c.findings()).isEmpty();
            assertThatThrownBy(() -> c.readEntry("META-INF/signatures0.xml"))
                    .isInstanceOfSatisfying(EntryReadException.class, e -> {
                        assertThat(e.code()).isEqualTo(FindingCode.ZIP_CORRUPT);
                        assertThat(e.toFinding().location()).isEqualTo("META-INF/signatures0.xml");
                    });
            try (InputStream in = c.openEntry("META-INF/signatures0.xml")) {
                assertThatThrownBy(in::readAllBytes).isInstanceOf(EntryReadException.class);
            }
        }
    }

    @Test
    @DisplayName("readEntry of an XML entry is held to maxXmlSize, other entries to maxEntrySize")
    void readEntryLimits() throws IOException {
        RawZip zip = RawZip.asice("data.xml", "<x>" + "y".repeat(3000) + "</x>", "data.txt", "y".repeat(3000));
        try (ParsedContainer c = read(zip, ContainerLimits.DEFAULT.withMaxXmlSize(1000))) {
            assertThat(c.dataFiles()).hasSize(2);
            assertThat(c.readEntry("data.txt")).hasSize(3000);
            assertThatThrownBy(() -> c.readEntry("data.xml"))
                    .isInstanceOfSatisfying(EntryReadException.class, e -> assertThat(e.code()).isEqualTo(FindingCode.LIMIT_ENTRY_SIZE));
        }
    }

    @Test
    @DisplayName("reading a container file works like reading its bytes; close releases the file")
    void readFromPath(@TempDir Path dir) throws IOException {
        Path file = RawZip.asice("a.txt", "from a file").write(dir.resolve("c.asice"));
        ParsedContainer c = Containers.READER.read(file);
        assertThat(c.findings()).isEmpty();
        assertThat(c.readEntry("a.txt")).asString(StandardCharsets.UTF_8).isEqualTo("from a file");
        c.close();
        assertThatThrownBy(() -> c.readEntry("a.txt")).isInstanceOf(IOException.class);
    }

    @Test
    @DisplayName("read(Path) throws IOException only when the file cannot be read")
    void missingFile(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Containers.READER.read(dir.resolve("missing.asice"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Containers.READER.read(dir)).isInstanceOf(IOException.class);
        Path empty = Files.createFile(dir.resolve("empty.asice"));
        try (ParsedContainer c = Containers.READER.read(empty)) {
            assertThat(codes(c)).containsExactly(FindingCode.NOT_A_ZIP);
        }
    }

    @Test
    @DisplayName("8 threads reading entries of one container file at once all get the right bytes")
    void concurrentReads(@TempDir Path dir) throws Exception {
        RawZip zip = RawZip.asice();
        Random random = new Random(11);
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] content = new byte[1000 + random.nextInt(60_000)];
            for (int j = 0; j < content.length; j++) {
                content[j] = (byte) (random.nextInt(8) + i);
            }
            contents.add(content);
            RawZip.Entry entry = zip.add("META-INF/signatures" + (i + 1) + ".xml", content);
            if (i % 2 == 0) {
                entry.deflated();
            }
        }
        Path file = zip.write(dir.resolve("many.asice"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (ParsedContainer c = Containers.READER.read(file)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    int checked = 0;
                    for (int k = 0; k < 300; k++) {
                        int i = r.nextInt(contents.size());
                        String name = "META-INF/signatures" + (i + 1) + ".xml";
                        byte[] actual = k % 3 == 0 ? c.openEntry(name).readAllBytes() : c.readEntry(name);
                        if (!java.util.Arrays.equals(actual, contents.get(i))) {
                            throw new AssertionError("wrong bytes for " + name);
                        }
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(5, TimeUnit.MINUTES)).isEqualTo(300); // a hang guard, not a speed claim
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a thread interrupted while reading does not break the file for the other threads")
    void interruptDoesNotBreakOtherReaders(@TempDir Path dir) throws Exception {
        Path file = RawZip.asice("a.txt", "still readable").write(dir.resolve("c.asice"));
        try (ParsedContainer c = Containers.READER.read(file)) {
            java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
            Thread reader = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    c.readEntry("a.txt");
                } catch (IOException expected) {
                    failure.set(expected);
                }
            });
            reader.start();
            reader.join();
            assertThat(failure.get()).as("the interrupted read closed the shared channel")
                    .isInstanceOf(java.nio.channels.ClosedByInterruptException.class);
            assertThat(c.readEntry("a.txt")).asString(StandardCharsets.UTF_8).isEqualTo("still readable");
        }
    }

    @Test
    @DisplayName("a 200,000-entry ZIP64 bundle is read whole, in work linear in its entries")
    void twoHundredThousandEntries(@TempDir Path dir) throws IOException {
        RawZip zip = new RawZip();
        zip.add("mimetype", RawZip.ASIC_E);
        zip.add("META-INF/manifest.xml", RawZip.manifest("initiative.pdf")).deflated();
        zip.add("initiative.pdf", "%PDF-1.7 the text of the initiative");
        int signatures = 200_000 - 3;
        for (int i = 0; i < signatures; i++) {
            zip.add("META-INF/signatures" + i + ".xml", "<s" + i + "/>");
        }
        Path file = zip.write(dir.resolve("bundle.asice"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        try (ParsedContainer c = Containers.READER.read(file)) {
            long cpuMillis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
            assertThat(c.findings()).isEmpty();
            assertThat(c.entryNames()).hasSize(200_000);
            assertThat(c.signatureFiles()).hasSize(signatures).endsWith("META-INF/signatures199996.xml");
            assertThat(c.readEntry("META-INF/signatures123456.xml")).asString(StandardCharsets.UTF_8).isEqualTo("<s123456/>");
            // the reading thread's own CPU time, which other processes on the machine do not stretch: about
            // 1 s here, and a reader doing work quadratic in the entries would need minutes. The speed
            // itself is measured in bench/ (bench bundle).
            assertThat(cpuMillis).as("CPU time of the read in ms").isLessThan(30_000);
        }
    }
}
