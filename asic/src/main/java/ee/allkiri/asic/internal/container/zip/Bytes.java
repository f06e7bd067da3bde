package ee.allkiri.asic.internal.container.zip;

/** Little-endian reads from a byte array. */
final class Bytes {

    static final long MAX32 = 0xFFFF_FFFFL;
    static final int MAX16 = 0xFFFF;

    private Bytes() {
    }

    static int u16(byte[] b, int offset) {
        return (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int offset) {
        return u16(b, offset) | (long) u16(b, offset + 2) << 16;
    }

    /** An unsigned 64-bit value; values above {@link Long#MAX_VALUE} come out negative. */
    static long u64(byte[] b, int offset) {
        return u32(b, offset) | u32(b, offset + 4) << 32;
    }

    /**
     * The start of the data of the extra field with the given header id, or -1. Parsing stops at
     * the first block whose length runs past the end (some writers pad extra fields).
     */
    static int findExtra(byte[] extra, int headerId) {
        int p = 0;
        while (p + 4 <= extra.length) {
            int id = u16(extra, p);
            int length = u16(extra, p + 2);
            if (p + 4 + length > extra.length) {
                return -1;
            }
            if (id == headerId) {
                return p + 4;
            }
            p += 4 + length;
        }
        return -1;
    }

    /** The length of the extra field block whose data starts at {@code dataStart}. */
    static int extraLength(byte[] extra, int dataStart) {
        return u16(extra, dataStart - 2);
    }
}
