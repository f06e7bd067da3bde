package ee.allkiri.asic.internal.container.zip;

import java.util.Objects;

/** A {@link ByteSource} over an array; thread-safe as long as nobody changes the array. */
final class ArraySource implements ByteSource {

    private final byte[] bytes;

    ArraySource(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        if (position >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(length, bytes.length - position);
        System.arraycopy(bytes, (int) position, buffer, offset, n);
        return n;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
