package ee.allkiri.asic.internal.container.zip;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The bytes of an archive, read by position. Every read names its own position, so one source
 * is safe to share between threads: there is no shared stream position.
 */
public interface ByteSource extends Closeable {

    /** Length in bytes, fixed when the source was opened. */
    long size();

    /**
     * Reads up to {@code length} bytes at {@code position}.
     *
     * @return the number of bytes read (at least one when {@code length > 0}), or -1 when
     *         {@code position} is at or past the end
     */
    int read(long position, byte[] buffer, int offset, int length) throws IOException;

    /** Reads exactly {@code length} bytes at {@code position}; {@link EOFException} if the source ends first. */
    default void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = read(position + done, buffer, offset + done, length - done);
            if (n < 0) {
                throw new EOFException("the archive ends at " + (position + done) + ", before the expected data");
            }
            done += n;
        }
    }

    /** Releases the underlying file, if any. */
    @Override
    void close() throws IOException;

    /** A source over an array. The array is not copied: it must not change while the source is in use. */
    static ByteSource of(byte[] bytes) {
        return new ArraySource(bytes);
    }

    /** A source over a file, read with positional reads on one {@link java.nio.channels.FileChannel}. */
    static ByteSource open(Path file) throws IOException {
        return FileSource.open(file);
    }
}
