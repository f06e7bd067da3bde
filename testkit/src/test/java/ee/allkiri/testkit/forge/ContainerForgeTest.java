package ee.allkiri.testkit.forge;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.testkit.TestPkis;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContainerForgeTest {

    private final ContainerForge forge = new ContainerForge(TestPkis.SEED_1);

    @Test
    @DisplayName("a valid container has digidoc4j's layout with mimetype stored first")
    void layout() throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(forge.forge(Variant.VALID_LT)))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
                if (names.size() == 1) {
                    assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
                    assertThat(new String(zip.readAllBytes())).isEqualTo(Manifest.ASIC_E);
                }
            }
        }
        assertThat(names).containsExactly("mimetype", "META-INF/manifest.xml", ContainerForge.DOCUMENT,
                "META-INF/signatures0.xml");
    }

    @Test
    @DisplayName("every variant is forged, the same each time")
    void everyVariantIsDeterministic() {
        ContainerForge again = new ContainerForge(TestPkis.SEED_1);
        for (Variant v : Variant.values()) {
            assertThat(again.forge(v)).as(v.name()).isEqualTo(forge.forge(v));
        }
    }
}
