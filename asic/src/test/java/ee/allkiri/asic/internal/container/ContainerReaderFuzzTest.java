package ee.allkiri.asic.internal.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.fuzz.SeedCorpus;
import ee.allkiri.asic.fuzz.Seeds;
import ee.allkiri.asic.hostile.Hostile;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the container reader with arbitrary bytes, seeded with every fixture and forged
 * variant: reading never throws, and every entry the reader offers reads to its end or fails
 * with the reader's own {@link EntryReadException} (a finding), never anything else.
 */
class ContainerReaderFuzzTest {

    private static final ContainerReader READER = new ContainerReader(ContainerLimits.DEFAULT);

    @BeforeAll
    static void seeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>(Seeds.forged());
        seeds.putAll(Seeds.fixtures(name -> true));
        SeedCorpus.write(ContainerReaderFuzzTest.class, "readsAnyBytes", seeds);
        Hostile.PKI.epoch(); // the PKI is built here, not inside the first fuzzed input's time
    }

    @FuzzTest(maxDuration = "2m")
    void readsAnyBytes(byte[] bytes) throws IOException {
        try (ParsedContainer container = READER.read(bytes)) {
            if (!container.isReadable()) {
                assertThat(container.dataFiles()).isEmpty();
                assertThat(container.signatureFiles()).isEmpty();
                return;
            }
            for (DataFileEntry file : container.dataFiles()) {
                drain(container, file.name());
            }
            for (String signature : container.signatureFiles()) {
                drain(container, signature);
            }
        }
    }

    private static void drain(ParsedContainer container, String name) throws IOException {
        try (InputStream in = container.openEntry(name)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (EntryReadException e) {
            assertThat(e.code()).isNotNull(); // a finding, as the reader reports it
        }
    }
}
