package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code allkiri extract} (issue #15): a container's data files written without verifying, unsafe
 * names refused, existing files kept.
 */
class ExtractCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheDataFiles() throws Exception {
        Path out = tmp.resolve("out");
        assertThat(Main.run("extract", "--out", out.toString(), VerifyCommandTest.fixture("valid-asice-esteid2018.asice")))
                .isEqualTo(Main.OK);
        byte[] document = Files.readAllBytes(out.resolve("test.txt"));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document)))
                .isEqualTo(AuditCommandTest.documentSha256());
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("test.txt");
        }
    }

    @Test
    void neverOverwrites() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("test.txt"), "mine");
        assertThat(Main.run("extract", "--out", out.toString(), VerifyCommandTest.fixture("valid-asice-esteid2018.asice")))
                .isEqualTo(Main.FAILED);
        assertThat(Files.readString(out.resolve("test.txt"))).isEqualTo("mine");
    }

    @Test
    void refusesNamesThatLeaveTheFolder() throws Exception {
        Path container = tmp.resolve("evil.asice");
        Files.write(container, zip("mimetype", "application/vnd.etsi.asic-e+zip", "initiative.txt", "the text",
                "../escaped.txt", "gotcha", "sub/../../also.txt", "gotcha"));
        Path out = tmp.resolve("deep/out");
        assertThat(Main.run("extract", "--out", out.toString(), container.toString())).isEqualTo(Main.FAILED);
        assertThat(Files.readString(out.resolve("initiative.txt"))).isEqualTo("the text");
        assertThat(tmp.resolve("deep/escaped.txt")).doesNotExist();
        assertThat(tmp.resolve("deep/also.txt")).doesNotExist();
        assertThat(tmp.resolve("also.txt")).doesNotExist();
    }

    @Test
    void refusesToFollowALinkOutOfTheFolder() throws Exception {
        Path container = tmp.resolve("linked.asice");
        Files.write(container, zip("mimetype", "application/vnd.etsi.asic-e+zip", "docs/initiative.txt", "the text"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("docs"), elsewhere);
        assertThat(Main.run("extract", "--out", out.toString(), container.toString())).isEqualTo(Main.FAILED);
        assertThat(elsewhere.resolve("initiative.txt")).doesNotExist();
    }

    /** A ZIP of name/content pairs, stored, in order. */
    static byte[] zip(String... namesAndContents) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] data = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                ZipEntry e = new ZipEntry(namesAndContents[i]);
                e.setMethod(ZipEntry.STORED);
                e.setSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
