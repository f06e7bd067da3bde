package ee.allkiri.asic.internal.container;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.internal.Deadline;
import ee.allkiri.asic.internal.container.zip.ZipEntry;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams every data file once, computing its SHA-256 and size while the entry stream checks the
 * CRC and the limits. Memory does not depend on the file sizes. A file that cannot be read is
 * reported and left out; a limit stops the reading (the container is then unreadable), and so
 * does the deadline (checked before each entry and after each buffer).
 */
final class DataFileReader {

    private static final int BUFFER = 64 * 1024;

    private DataFileReader() {
    }

    static List<DataFileEntry> read(EntryLayout layout, EntryAccess access, ContainerLimits limits,
                                    List<ManifestEntry> manifest, FindingsCollector out, Deadline deadline)
            throws IOException {
        Map<String, String> mediaTypes = new HashMap<>();
        if (manifest != null) {
            manifest.forEach(m -> mediaTypes.putIfAbsent(m.fullPath(), m.mediaType()));
        }
        List<DataFileEntry> files = new ArrayList<>(layout.dataFiles().size());
        byte[] buffer = new byte[BUFFER];
        for (ZipEntry entry : layout.dataFiles()) {
            if (access.problem(entry) != null) {
                continue;
            }
            deadline.check();
            MessageDigest sha256 = sha256();
            long size = 0;
            try (InputStream in = access.open(entry, limits.maxEntrySize())) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    sha256.update(buffer, 0, n);
                    size += n;
                    deadline.check();
                }
            } catch (EntryReadException e) {
                out.add(entry.index(), e.toFinding());
                if (FindingsCollector.isLimit(e.code())) {
                    break;
                }
                continue;
            }
            files.add(new DataFileEntry(entry.name(), size, mediaTypes.get(entry.name()), sha256.digest()));
        }
        return List.copyOf(files);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
