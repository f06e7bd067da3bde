package ee.allkiri.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.FindingCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FindingCodesDocTest {

    @Test
    void thePublishedTableListsEveryCode() throws Exception {
        // surefire runs in the module directory; the page is at the project root
        Path doc = Path.of("..", "docs", "finding-codes.md");
        assertThat(doc).as("docs/finding-codes.md").exists();
        assertThat(Files.readString(doc))
                .as("docs/finding-codes.md is stale: regenerate it with "
                        + "java -cp core/target/classes ee.allkiri.core.internal.FindingCodesDoc > docs/finding-codes.md")
                .isEqualTo(FindingCodesDoc.markdown());
        for (FindingCode code : FindingCode.values()) {
            assertThat(code.description()).isNotBlank();
            assertThat(code.source()).isNotBlank();
        }
    }
}
