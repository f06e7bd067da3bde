package ee.allkiri.asic.internal.container.zip;

import ee.allkiri.asic.internal.container.EntryReadException;
import ee.allkiri.core.FindingCode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The uncompressed content of one entry, read with positional reads (so many streams over one
 * {@link ByteSource} run concurrently) and checked as it goes: exactly the declared number of
 * bytes, the declared CRC-32 (checked as soon as the last byte is produced, before it is handed
 * out), and the limits. When a deflate stream produces more than declared, it is inflated further
 * only to tell a limit breach (a ZIP bomb that lies about its size) from plain corruption, and never
 * past the smaller limit + 1 byte. Failures are {@link EntryReadException}s carrying the code to report.
 *
 * <p>One stream is for one thread. Always close it: a DEFLATED entry holds a native {@link Inflater}.
 */
public final class EntryInputStream extends InputStream {

    private static final int MAX_BUFFER = 16 * 1024;

    private final ByteSource source;
    private final ZipEntry entry;
    private final long maxSize;
    private final long ratioCeiling;
    private final Inflater inflater;
    private final byte[] input;
    private final CRC32 crc = new CRC32();
    private final byte[] single = new byte[1];
    private long position;
    private long compressedLeft;
    private long count;
    private boolean dummyFed;
    private boolean done;
    private boolean closed;
    private EntryReadException failure;

    private EntryInputStream(ByteSource source, ZipEntry entry, long maxSize, long ratioCeiling) {
        this.source = source;
        this.entry = entry;
        this.maxSize = maxSize;
        this.ratioCeiling = ratioCeiling;
        this.position = entry.dataOffset();
        this.compressedLeft = entry.compressedSize();
        this.input = new byte[(int) Math.max(1, Math.min(MAX_BUFFER, entry.compressedSize()))];
        this.inflater = entry.isStored() ? null : new Inflater(true);
    }

    /**
     * Opens the entry's content, bounded by {@code maxSize} uncompressed bytes and by the ratio limit.
     *
     * @throws EntryReadException when the declared sizes already break a limit, or the method is unsupported
     */
    public static EntryInputStream open(ByteSource source, ZipEntry entry, long maxSize, int maxRatio, long ratioThreshold)
            throws EntryReadException {
        Objects.requireNonNull(source, "source");
        long ceiling = ratioCeiling(entry.compressedSize(), maxRatio, ratioThreshold);
        if (entry.size() > maxSize) {
            throw new EntryReadException(FindingCode.LIMIT_ENTRY_SIZE, entry.name(),
                    "the entry declares " + entry.size() + " bytes; the limit is " + maxSize);
        }
        if (entry.size() > ceiling) {
            throw new EntryReadException(FindingCode.LIMIT_COMPRESSION_RATIO, entry.name(),
                    "the entry declares " + entry.size() + " bytes from " + entry.compressedSize() + " compressed bytes");
        }
        if (entry.method() != ZipEntry.STORED && entry.method() != ZipEntry.DEFLATED) {
            throw new EntryReadException(FindingCode.ZIP_UNSUPPORTED, entry.name(), "compression method " + entry.method());
        }
        return new EntryInputStream(source, entry, maxSize, ceiling);
    }

    /**
     * The most uncompressed bytes an entry of {@code compressedSize} may have before it breaks the
     * ratio limit: above {@code ratioThreshold}, at most {@code maxRatio} per compressed byte.
     */
    public static long ratioCeiling(long compressedSize, int maxRatio, long ratioThreshold) {
        long product = compressedSize > Long.MAX_VALUE / maxRatio ? Long.MAX_VALUE : compressedSize * maxRatio;
        return Math.max(ratioThreshold, product);
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (closed) {
            throw new IOException("the entry stream is closed");
        }
        if (failure != null) {
            throw failure;
        }
        if (done) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        long expected = entry.size() - count;
        if (expected == 0) {
            finish();
            return -1;
        }
        int want = (int) Math.min(length, expected);
        int n = inflater == null ? readStored(buffer, offset, want) : inflate(buffer, offset, want);
        if (n < 0) {
            throw fail(corrupt("the data ends after " + count + " of the " + entry.size() + " declared bytes"));
        }
        crc.update(buffer, offset, n);
        count += n;
        if (count == entry.size()) {
            finish();
        }
        return n;
    }

    private int readStored(byte[] buffer, int offset, int want) throws IOException {
        int n = (int) Math.min(want, compressedLeft);
        if (n == 0) {
            return -1;
        }
        int read = source.read(position, buffer, offset, n);
        if (read < 0) {
            throw fail(corrupt("the archive ends inside the entry data"));
        }
        position += read;
        compressedLeft -= read;
        return read;
    }

    /** Inflated bytes (> 0), or -1 when the deflate stream has ended. */
    private int inflate(byte[] buffer, int offset, int length) throws IOException {
        try {
            while (true) {
                long consumedBefore = inflater.getBytesRead();
                int n = inflater.inflate(buffer, offset, length);
                if (n > 0) {
                    return n;
                }
                if (inflater.finished()) {
                    return -1;
                }
                if (inflater.needsDictionary()) {
                    throw fail(corrupt("the deflate data asks for a preset dictionary"));
                }
                if (inflater.needsInput()) {
                    feed();
                } else if (inflater.getBytesRead() == consumedBefore) {
                    throw fail(corrupt("the deflate data makes no progress"));
                }
            }
        } catch (DataFormatException e) {
            throw fail(corrupt("invalid deflate data: " + e.getMessage()));
        }
    }

    private void feed() throws IOException {
        if (compressedLeft > 0) {
            int n = (int) Math.min(input.length, compressedLeft);
            try {
                source.readFully(position, input, 0, n);
            } catch (EOFException e) {
                throw fail(corrupt("the archive ends inside the entry data"));
            }
            position += n;
            compressedLeft -= n;
            inflater.setInput(input, 0, n);
        } else if (!dummyFed) {
            // java.util.zip.Inflater documents one extra byte of input for 'nowrap' streams
            dummyFed = true;
            inflater.setInput(new byte[1], 0, 1);
        } else {
            throw fail(corrupt("the compressed data ends before the deflate stream does"));
        }
    }

    /** Called when the declared size has been produced: the data must end here, with the declared CRC. */
    private void finish() throws IOException {
        if (inflater != null) {
            checkDeflateEnds();
        }
        if (crc.getValue() != entry.crc()) {
            throw fail(corrupt("CRC-32 mismatch: the data is damaged"));
        }
        done = true;
        release();
    }

    private void checkDeflateEnds() throws IOException {
        long bound = Math.min(maxSize, ratioCeiling);
        byte[] scratch = new byte[8192];
        long total = count;
        int n;
        do {
            int chunk = (int) Math.min(scratch.length, bound - total + 1);
            n = inflate(scratch, 0, chunk);
            if (n > 0) {
                total += n;
                if (total > maxSize) {
                    throw fail(new EntryReadException(FindingCode.LIMIT_ENTRY_SIZE, entry.name(),
                            "the entry inflates past the limit of " + maxSize + " bytes while declaring " + entry.size()));
                }
                if (total > ratioCeiling) {
                    throw fail(new EntryReadException(FindingCode.LIMIT_COMPRESSION_RATIO, entry.name(),
                            "the entry inflates past " + ratioCeiling + " bytes from " + entry.compressedSize()
                                    + " compressed bytes while declaring " + entry.size()));
                }
            }
        } while (n > 0);
        if (total > count) {
            throw fail(corrupt("the data is " + total + " bytes, longer than the " + entry.size() + " declared"));
        }
    }

    private EntryReadException corrupt(String message) {
        return new EntryReadException(FindingCode.ZIP_CORRUPT, entry.name(), message);
    }

    private EntryReadException fail(EntryReadException e) {
        if (failure == null) {
            failure = e;
        }
        release();
        return failure;
    }

    private void release() {
        if (inflater != null) {
            inflater.end();
        }
    }

    @Override
    public void close() {
        closed = true;
        release();
    }
}
