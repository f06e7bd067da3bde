package ee.allkiri.asic.internal.container.zip;

import java.io.EOFException;
import java.io.IOException;

/**
 * A read-ahead window over a {@link ByteSource} for parsing headers that lie close together (the
 * central directory, consecutive local headers) with few reads. Not thread-safe: one parse, one window.
 */
final class WindowReader {

    private final ByteSource source;
    private final byte[] window;
    private long start;
    private int length;

    WindowReader(ByteSource source, int capacity) {
        this.source = source;
        this.window = new byte[capacity];
    }

    void read(long position, byte[] target, int offset, int count) throws IOException {
        if (count > window.length) {
            source.readFully(position, target, offset, count);
            return;
        }
        if (position < start || position + count > start + length) {
            fill(position, count);
        }
        System.arraycopy(window, (int) (position - start), target, offset, count);
    }

    byte[] read(long position, int count) throws IOException {
        byte[] bytes = new byte[count];
        read(position, bytes, 0, count);
        return bytes;
    }

    private void fill(long position, int needed) throws IOException {
        long available = source.size() - position;
        if (available < needed) {
            throw new EOFException("the archive ends at " + source.size() + ", before the header at " + position);
        }
        int want = (int) Math.min(window.length, available);
        source.readFully(position, window, 0, want);
        start = position;
        length = want;
    }
}
