package ee.allkiri.asic.redteam;

import ee.allkiri.asic.Fixtures;
import ee.allkiri.testkit.zip.RawZip;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A real fixture container rewritten with one entry changed: 'mimetype' first and STORED, the rest deflated, order kept. */
final class FixtureZip {

    private FixtureZip() {
    }

    /** The fixture with the named entry's content replaced. */
    static byte[] with(String fixture, String entry, byte[] content) {
        return with(fixture, Map.of(entry, content));
    }

    /** The fixture with the named entries' contents replaced. */
    static byte[] with(String fixture, Map<String, byte[]> changes) {
        Map<String, byte[]> entries = entries(fixture);
        changes.forEach((entry, content) -> {
            if (entries.replace(entry, content) == null) {
                throw new IllegalArgumentException(fixture + " has no entry " + entry);
            }
        });
        RawZip zip = new RawZip();
        entries.forEach((name, bytes) -> {
            RawZip.Entry e = zip.add(name, bytes);
            if (!name.equals("mimetype")) {
                e.deflated();
            }
        });
        return zip.toBytes();
    }

    /** The fixture's entries by name, in archive order. */
    static Map<String, byte[]> entries(String fixture) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Fixtures.bytes(fixture)))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.putIfAbsent(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
