package ee.allkiri.trustlist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where a snapshot's files are read from: a directory, or resources embedded in the jar. */
interface SnapshotFiles {

    /**
     * Reads a file named by its path relative to the snapshot (forward slashes).
     *
     * @throws IOException when it is missing or the path leaves the snapshot
     */
    byte[] read(String relative) throws IOException;

    /** For messages: where the snapshot is. */
    String describe();

    static SnapshotFiles directory(Path dir) {
        return new SnapshotFiles() {
            @Override
            public byte[] read(String relative) throws IOException {
                Path file = dir.resolve(checked(relative)).normalize();
                if (!file.startsWith(dir.normalize())) {
                    throw new IOException("snapshot file outside the snapshot: " + relative);
                }
                try {
                    return Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    throw new IOException("snapshot " + dir + " lacks " + relative, e);
                }
            }

            @Override
            public String describe() {
                return dir.toString();
            }
        };
    }

    static SnapshotFiles resources(Class<?> anchor, String base) {
        return new SnapshotFiles() {
            @Override
            public byte[] read(String relative) throws IOException {
                String name = base + "/" + checked(relative);
                try (InputStream in = anchor.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IOException("embedded snapshot lacks " + name);
                    }
                    return in.readAllBytes();
                }
            }

            @Override
            public String describe() {
                return "embedded:" + base;
            }
        };
    }

    private static String checked(String relative) throws IOException {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\")
                || java.util.Arrays.asList(relative.split("/")).contains("..")) {
            throw new IOException("unsafe path in a snapshot manifest: " + relative);
        }
        return relative;
    }
}
