package ee.allkiri.asic;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Rewrites a fixture container with changes, keeping 'mimetype' first and STORED. */
final class Rezip {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    private Rezip() {
    }

    static Rezip of(String fixture) {
        Rezip z = new Rezip();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Fixtures.bytes(fixture)))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                z.entries.putIfAbsent(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return z;
    }

    Rezip put(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    Rezip put(String name, String content) {
        return put(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Rezip remove(String name) {
        entries.remove(name);
        return this;
    }

    Rezip edit(String name, UnaryOperator<String> change) {
        return put(name, change.apply(text(name)));
    }

    String text(String name) {
        return new String(entries.get(name), StandardCharsets.UTF_8);
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (e.getKey().equals("mimetype")) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
