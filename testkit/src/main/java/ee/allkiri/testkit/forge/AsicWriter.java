package ee.allkiri.testkit.forge;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Streams a well-formed ASiC-E container: {@code mimetype} first, STORED, without extra fields,
 * then the entries given, deflated, with a fixed timestamp so that the bytes are reproducible.
 * For containers with deliberately broken ZIP structure use {@link ee.allkiri.testkit.zip.RawZip}.
 * One writer is for one thread; close it to finish the archive.
 *
 * @since 0.1.0
 */
public final class AsicWriter implements Closeable {

    private static final LocalDateTime TIME = LocalDateTime.of(2025, 1, 1, 0, 0);

    private final ZipOutputStream zip;

    /** Starts the container and writes the {@code mimetype} entry. */
    public AsicWriter(OutputStream out) throws IOException {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        byte[] mimetype = Manifest.ASIC_E.getBytes(StandardCharsets.US_ASCII);
        ZipEntry entry = new ZipEntry("mimetype");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(mimetype.length);
        entry.setCompressedSize(mimetype.length);
        CRC32 crc = new CRC32();
        crc.update(mimetype);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(TIME);
        zip.putNextEntry(entry);
        zip.write(mimetype);
        zip.closeEntry();
    }

    /** Adds a deflated entry. */
    public AsicWriter add(String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
        return this;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
