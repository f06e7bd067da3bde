package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV that opens right in a spreadsheet set to Estonian (issue #15): a UTF-8 byte order mark so
 * that names with õ, ä, ö, ü, š, ž read right; {@code --csv-separator ';'} for locales whose
 * decimal separator is a comma; cells a spreadsheet would run as formulas are defused.
 */
class CsvSpreadsheetTest {

    @TempDir
    Path tmp;

    private static final String CONTAINER = VerifyCommandTest.fixture("valid-asice-esteid2018.asice");

    @Test
    void startsWithAByteOrderMark() throws Exception {
        Path out = tmp.resolve("r.csv");
        Main.run("verify", "--format", "csv", "--output", out.toString(), "--trust", VerifyCommandTest.trust(), CONTAINER);
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("JÕEORG");
    }

    @Test
    void semicolonsForEstonianSpreadsheets() throws Exception {
        Path out = tmp.resolve("r.csv");
        assertThat(Main.run("verify", "--format", "csv", "--csv-separator", ";", "--output", out.toString(), "--trust",
                VerifyCommandTest.trust(), CONTAINER)).isEqualTo(Main.OK);
        String csv = Files.readString(out);
        String header = csv.lines().filter(l -> !l.startsWith("#") && !l.startsWith("\uFEFF#")).findFirst().orElseThrow();
        assertThat(header.replace("\uFEFF", "")).startsWith("container;containerValid;containerFindings;file;");
        assertThat(csv).contains(";JÕEORG,JAAK-KRISTJAN,38001085718;JAAK-KRISTJAN;");
        assertThat(Main.run("verify", "--format", "json", "--csv-separator", ";", "--trust", VerifyCommandTest.trust(),
                CONTAINER)).isEqualTo(Main.ERROR);
        assertThat(Main.run("verify", "--format", "csv", "--csv-separator", "|", "--trust", VerifyCommandTest.trust(),
                CONTAINER)).isEqualTo(Main.ERROR);
    }

    @Test
    void formulasAreDefused() {
        assertThat(CsvReport.defuse("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvReport.defuse("+372")).isEqualTo("'+372");
        assertThat(CsvReport.defuse("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvReport.defuse("-")).isEqualTo("-");
        assertThat(CsvReport.defuse("JÕEORG")).isEqualTo("JÕEORG");
    }
}
