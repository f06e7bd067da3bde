package ee.allkiri.asic.internal.container.zip;

import static ee.allkiri.asic.internal.container.zip.Bytes.MAX32;
import static ee.allkiri.asic.internal.container.zip.Bytes.u16;
import static ee.allkiri.asic.internal.container.zip.Bytes.u32;
import static ee.allkiri.asic.internal.container.zip.Bytes.u64;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads every local header once, in offset order, and checks the layout: the archive starts with
 * a local header at offset 0, the entries follow each other without overlap (the overlapping-file
 * ZIP bomb) and without hidden bytes up to the central directory, and each local header (and data
 * descriptor) agrees with its central header.
 */
final class LocalHeaders {

    private static final long SIGNATURE = 0x04034b50L;
    private static final int HEADER_LENGTH = 30;
    /** Flags whose disagreement changes how the entry is read: encryption, descriptor, UTF-8, masking. */
    private static final int SIGNIFICANT_FLAGS = 0x0001 | 0x0008 | 0x0040 | 0x0800 | 0x2000;
    private static final int ENCRYPTION_FLAGS = 0x0001 | 0x0040 | 0x2000;
    private static final int ZIP64_EXTRA = 0x0001;

    private LocalHeaders() {
    }

    static ZipDirectory resolve(ByteSource source, List<CentralRecord> records, long centralOffset)
            throws IOException, ZipFault {
        int n = records.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> records.get(i).localHeaderOffset()));
        long[] dataOffsets = new long[n];
        int[] extraLengths = new int[n];
        Finding[] problems = new Finding[n];
        WindowReader in = new WindowReader(source, 1 << 16);
        byte[] h = new byte[HEADER_LENGTH];
        CentralRecord previous = null;
        long previousDataEnd = 0;
        for (int k = 0; k < n; k++) {
            CentralRecord r = records.get(order[k]);
            long offset = r.localHeaderOffset();
            if (previous == null && offset != 0) {
                throw ZipFault.corrupt(r.name(), "the archive does not start with a local file header: the first entry is at offset " + offset);
            }
            if (previous != null) {
                checkGap(in, previous, previousDataEnd, offset, problems);
            }
            if (offset > centralOffset - HEADER_LENGTH) {
                throw ZipFault.corrupt(r.name(), "the local header offset " + offset + " lies outside the entry data");
            }
            in.read(offset, h, 0, HEADER_LENGTH);
            if (u32(h, 0) != SIGNATURE) {
                throw ZipFault.corrupt(r.name(), "no local file header at offset " + offset);
            }
            int nameLength = u16(h, 26);
            int extraLength = u16(h, 28);
            long data = offset + HEADER_LENGTH + nameLength + extraLength;
            if (data > centralOffset || r.compressedSize() > centralOffset - data) {
                throw ZipFault.corrupt(r.name(), "the entry data runs into the central directory");
            }
            byte[] localName = in.read(offset + HEADER_LENGTH, nameLength);
            byte[] extra = in.read(offset + HEADER_LENGTH + nameLength, extraLength);
            problems[r.index()] = problem(r, h, localName, extra);
            dataOffsets[r.index()] = data;
            extraLengths[r.index()] = extraLength;
            previous = r;
            previousDataEnd = data + r.compressedSize();
        }
        checkGap(in, previous, previousDataEnd, centralOffset, problems);
        ZipEntry[] entries = new ZipEntry[n];
        for (CentralRecord r : records) {
            int i = r.index();
            entries[i] = new ZipEntry(i, r.name(), r.nameMalformed(), r.flags(), r.method(), r.crc(),
                    r.compressedSize(), r.size(), r.localHeaderOffset(), dataOffsets[i], extraLengths[i]);
        }
        return new ZipDirectory(List.of(entries), problems, null);
    }

    /**
     * Between the end of one entry's data and the next header (or the central directory) there is
     * nothing, or exactly the entry's data descriptor: no overlap, and no hidden bytes that a
     * stream reader would see as another entry.
     */
    private static void checkGap(WindowReader in, CentralRecord entry, long dataEnd, long next, Finding[] problems)
            throws IOException, ZipFault {
        if (next < dataEnd) {
            throw ZipFault.corrupt(entry.name(), "the entry's data overlaps the next entry or the central directory");
        }
        long gap = next - dataEnd;
        if ((entry.flags() & 0x0008) != 0) {
            String mismatch = DataDescriptor.check(in, entry, dataEnd, gap);
            if (mismatch != null && problems[entry.index()] == null) {
                problems[entry.index()] = Finding.of(FindingCode.ZIP_HEADER_MISMATCH, entry.name(),
                        "the " + mismatch + " than the central directory");
            }
        } else if (gap != 0) {
            throw ZipFault.corrupt(entry.name(), gap + " bytes after the entry are not described by the central directory");
        }
    }

    /** The first reason the entry cannot be read faithfully, or {@code null}. */
    private static Finding problem(CentralRecord r, byte[] h, byte[] localName, byte[] extra) {
        if ((r.flags() & ENCRYPTION_FLAGS) != 0) {
            return Finding.of(FindingCode.ZIP_UNSUPPORTED, r.name(), "the entry is encrypted");
        }
        if (r.method() != ZipEntry.STORED && r.method() != ZipEntry.DEFLATED) {
            return Finding.of(FindingCode.ZIP_UNSUPPORTED, r.name(), "compression method " + r.method() + " is not STORED or DEFLATED");
        }
        String mismatch = mismatch(r, h, localName, extra);
        if (mismatch != null) {
            return Finding.of(FindingCode.ZIP_HEADER_MISMATCH, r.name(), "the local header " + mismatch + " than the central directory");
        }
        if (r.method() == ZipEntry.STORED && r.compressedSize() != r.size()) {
            return Finding.of(FindingCode.ZIP_CORRUPT, r.name(), "a STORED entry declares " + r.compressedSize()
                    + " stored and " + r.size() + " uncompressed bytes");
        }
        return null;
    }

    private static String mismatch(CentralRecord r, byte[] h, byte[] localName, byte[] extra) {
        if (!Arrays.equals(localName, r.rawName())) {
            return "has another name";
        }
        if (u16(h, 8) != r.method()) {
            return "has another compression method";
        }
        if ((u16(h, 6) & SIGNIFICANT_FLAGS) != (r.flags() & SIGNIFICANT_FLAGS)) {
            return "has other flags";
        }
        if ((r.flags() & 0x0008) != 0) {
            return null;
        }
        if (u32(h, 14) != r.crc()) {
            return "has another CRC-32";
        }
        long[] sizes = {u32(h, 22), u32(h, 18)};
        if (sizes[0] == MAX32 || sizes[1] == MAX32) {
            resolveZip64(extra, sizes);
        }
        if (sizes[0] != r.size() || sizes[1] != r.compressedSize()) {
            return "declares other sizes";
        }
        return null;
    }

    /** Local ZIP64 extra field: uncompressed then compressed size (APPNOTE 4.5.3). Unresolvable stays 0xFFFFFFFF. */
    private static void resolveZip64(byte[] extra, long[] sizes) {
        int start = Bytes.findExtra(extra, ZIP64_EXTRA);
        if (start < 0) {
            return;
        }
        int length = Bytes.extraLength(extra, start);
        if (length >= 16) {
            sizes[0] = sizes[0] == MAX32 ? u64(extra, start) : sizes[0];
            sizes[1] = sizes[1] == MAX32 ? u64(extra, start + 8) : sizes[1];
            return;
        }
        int p = start;
        for (int i = 0; i < 2; i++) {
            if (sizes[i] == MAX32 && p + 8 <= start + length) {
                sizes[i] = u64(extra, p);
                p += 8;
            }
        }
    }
}
