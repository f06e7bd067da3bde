package ee.allkiri.asic.internal.container.zip;

import static ee.allkiri.asic.internal.container.zip.Bytes.MAX16;
import static ee.allkiri.asic.internal.container.zip.Bytes.MAX32;
import static ee.allkiri.asic.internal.container.zip.Bytes.u16;
import static ee.allkiri.asic.internal.container.zip.Bytes.u32;
import static ee.allkiri.asic.internal.container.zip.Bytes.u64;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Parses the central directory headers, once, in archive order. */
final class CentralDirectory {

    static final int UTF8_FLAG = 1 << 11;
    private static final long SIGNATURE = 0x02014b50L;
    private static final int HEADER_LENGTH = 46;
    private static final int ZIP64_EXTRA = 0x0001;

    private CentralDirectory() {
    }

    static List<CentralRecord> parse(ByteSource source, EndRecord end) throws IOException, ZipFault {
        int count = (int) end.entryCount();
        List<CentralRecord> records = new ArrayList<>(count);
        WindowReader in = new WindowReader(source, 1 << 16);
        NameDecoder names = new NameDecoder();
        byte[] h = new byte[HEADER_LENGTH];
        long position = end.centralOffset();
        long limit = end.centralEnd();
        for (int i = 0; i < count; i++) {
            if (limit - position < HEADER_LENGTH) {
                throw ZipFault.corrupt(null, "the central directory is truncated at entry " + i + " of " + count);
            }
            in.read(position, h, 0, HEADER_LENGTH);
            if (u32(h, 0) != SIGNATURE) {
                throw ZipFault.corrupt(null, "no central directory header at offset " + position);
            }
            int nameLength = u16(h, 28);
            int extraLength = u16(h, 30);
            int commentLength = u16(h, 32);
            long next = position + HEADER_LENGTH + nameLength + extraLength + commentLength;
            if (next > limit) {
                throw ZipFault.corrupt(null, "central directory entry " + i + " runs past the end of the directory");
            }
            int flags = u16(h, 8);
            byte[] rawName = in.read(position + HEADER_LENGTH, nameLength);
            NameDecoder.Decoded name = names.decode(rawName, (flags & UTF8_FLAG) != 0);
            long[] values = {u32(h, 24), u32(h, 20), u32(h, 42), u16(h, 34)};
            if (values[0] == MAX32 || values[1] == MAX32 || values[2] == MAX32 || values[3] == MAX16) {
                byte[] extra = in.read(position + HEADER_LENGTH + nameLength, extraLength);
                resolveZip64(extra, values, name.text());
            }
            if (values[3] != 0) {
                throw ZipFault.unsupported(name.text(), "the entry starts on disk " + values[3]);
            }
            records.add(new CentralRecord(i, name.text(), rawName, name.malformed(), flags, u16(h, 10),
                    u32(h, 16), values[1], values[0], values[2]));
            position = next;
        }
        if (position != limit) {
            throw ZipFault.corrupt(null, "the central directory holds more than the " + count + " declared entries");
        }
        return records;
    }

    /** Replaces the size, compressed size, offset and disk marked as 0xFFFF(FFFF) by the ZIP64 extra field values. */
    private static void resolveZip64(byte[] extra, long[] values, String name) throws ZipFault {
        int start = Bytes.findExtra(extra, ZIP64_EXTRA);
        int end = start < 0 ? -1 : start + Bytes.extraLength(extra, start);
        int p = start;
        long[] markers = {MAX32, MAX32, MAX32, MAX16};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != markers[i]) {
                continue;
            }
            int width = i == 3 ? 4 : 8;
            if (p < 0 || p + width > end) {
                throw ZipFault.corrupt(name, "the entry lacks the ZIP64 extra field its header announces");
            }
            values[i] = width == 8 ? u64(extra, p) : u32(extra, p);
            if (values[i] < 0) {
                throw ZipFault.corrupt(name, "the ZIP64 extra field holds a negative size or offset");
            }
            p += width;
        }
    }
}
