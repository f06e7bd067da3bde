package ee.allkiri.asic.internal.container.zip;

import static ee.allkiri.asic.internal.container.zip.Bytes.u32;
import static ee.allkiri.asic.internal.container.zip.Bytes.u64;

import java.io.IOException;

/**
 * The data descriptor after the data of an entry with flag bit 3 (APPNOTE 4.3.9): CRC-32 and sizes,
 * optionally preceded by a signature, with 4- or 8-byte (ZIP64) sizes. It must fill the gap to the
 * next header exactly and agree with the central directory, because stream readers such as
 * {@code java.util.zip.ZipInputStream} believe it.
 */
final class DataDescriptor {

    private static final long SIGNATURE = 0x08074b50L;

    private DataDescriptor() {
    }

    /**
     * @param gap bytes between the end of the entry data and the next header
     * @return {@code null} when the descriptor agrees with the central directory, else what differs
     * @throws ZipFault when the gap cannot be a data descriptor
     */
    static String check(WindowReader in, CentralRecord entry, long position, long gap) throws IOException, ZipFault {
        if (gap != 12 && gap != 16 && gap != 20 && gap != 24) {
            throw ZipFault.corrupt(entry.name(), "the " + gap + " bytes after the entry data are not a data descriptor");
        }
        byte[] d = in.read(position, (int) gap);
        int p = u32(d, 0) == SIGNATURE && (gap == 16 || gap == 24) ? 4 : 0;
        long body = gap - p;
        if (body != 12 && body != 20) {
            throw ZipFault.corrupt(entry.name(), "the " + gap + " bytes after the entry data are not a data descriptor");
        }
        boolean wide = body == 20;
        long crc = u32(d, p);
        long compressedSize = wide ? u64(d, p + 4) : u32(d, p + 4);
        long size = wide ? u64(d, p + 12) : u32(d, p + 8);
        if (crc != entry.crc() || compressedSize != entry.compressedSize() || size != entry.size()) {
            return "data descriptor declares another CRC-32 or other sizes";
        }
        return null;
    }
}
