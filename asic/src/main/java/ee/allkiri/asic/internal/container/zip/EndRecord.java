package ee.allkiri.asic.internal.container.zip;

import static ee.allkiri.asic.internal.container.zip.Bytes.MAX16;
import static ee.allkiri.asic.internal.container.zip.Bytes.MAX32;
import static ee.allkiri.asic.internal.container.zip.Bytes.u16;
import static ee.allkiri.asic.internal.container.zip.Bytes.u32;
import static ee.allkiri.asic.internal.container.zip.Bytes.u64;

import java.io.IOException;

/**
 * The end of central directory record (APPNOTE 4.3.16), with the ZIP64 end record and locator
 * (4.3.14, 4.3.15) when present.
 *
 * @param entryCount         total number of central directory entries
 * @param centralOffset      where the central directory starts
 * @param centralSize        its length in bytes
 * @param centralEnd         where it must end: the ZIP64 end record, or the end record
 */
record EndRecord(long entryCount, long centralOffset, long centralSize, long centralEnd) {

    private static final long EOCD_SIGNATURE = 0x06054b50L;
    private static final long LOCATOR_SIGNATURE = 0x07064b50L;
    private static final long ZIP64_SIGNATURE = 0x06064b50L;
    private static final int EOCD_LENGTH = 22;
    private static final int LOCATOR_LENGTH = 20;
    private static final int ZIP64_LENGTH = 56;
    private static final int MAX_COMMENT = 0xFFFF;

    /**
     * Finds the end record by scanning back over at most 65,535 + 22 bytes. A candidate counts only
     * if its comment length reaches exactly to the end of the file.
     *
     * @return the record, or {@code null} when there is none
     */
    static EndRecord find(ByteSource source) throws IOException, ZipFault {
        long size = source.size();
        if (size < EOCD_LENGTH) {
            return null;
        }
        int tailLength = (int) Math.min(size, EOCD_LENGTH + MAX_COMMENT);
        byte[] tail = new byte[tailLength];
        source.readFully(size - tailLength, tail, 0, tailLength);
        for (int i = tailLength - EOCD_LENGTH; i >= 0; i--) {
            if (tail[i] == 'P' && u32(tail, i) == EOCD_SIGNATURE && i + EOCD_LENGTH + u16(tail, i + 20) == tailLength) {
                return parse(source, size - tailLength + i, tail, i);
            }
        }
        return null;
    }

    private static EndRecord parse(ByteSource source, long position, byte[] b, int o) throws IOException, ZipFault {
        long[] classic = {u16(b, o + 4), u16(b, o + 6), u16(b, o + 8), u16(b, o + 10), u32(b, o + 12), u32(b, o + 16)};
        if (position >= LOCATOR_LENGTH) {
            byte[] locator = new byte[LOCATOR_LENGTH];
            source.readFully(position - LOCATOR_LENGTH, locator, 0, LOCATOR_LENGTH);
            if (u32(locator, 0) == LOCATOR_SIGNATURE) {
                return parseZip64(source, position - LOCATOR_LENGTH, locator, classic);
            }
        }
        checkSingleDisk(classic[0], classic[1], classic[2], classic[3]);
        return new EndRecord(classic[3], classic[5], classic[4], position);
    }

    private static EndRecord parseZip64(ByteSource source, long locatorPosition, byte[] locator, long[] classic)
            throws IOException, ZipFault {
        long recordDisk = u32(locator, 4);
        long recordPosition = u64(locator, 8);
        long disks = u32(locator, 16);
        if (recordDisk != 0 || disks > 1) {
            throw ZipFault.unsupported(null, "the archive spans " + disks + " disks");
        }
        if (recordPosition < 0 || recordPosition > locatorPosition - ZIP64_LENGTH) {
            throw ZipFault.corrupt(null, "the ZIP64 end record offset " + recordPosition + " is out of range");
        }
        byte[] r = new byte[ZIP64_LENGTH];
        source.readFully(recordPosition, r, 0, ZIP64_LENGTH);
        if (u32(r, 0) != ZIP64_SIGNATURE) {
            throw ZipFault.corrupt(null, "no ZIP64 end record at offset " + recordPosition);
        }
        long recordSize = u64(r, 4);
        if (recordSize < ZIP64_LENGTH - 12 || recordSize != locatorPosition - recordPosition - 12) {
            throw ZipFault.corrupt(null, "the ZIP64 end record size " + recordSize + " does not reach its locator");
        }
        long[] wide = {u32(r, 16), u32(r, 20), u64(r, 24), u64(r, 32), u64(r, 40), u64(r, 48)};
        checkSingleDisk(wide[0], wide[1], wide[2], wide[3]);
        long[] markers = {MAX16, MAX16, MAX16, MAX16, MAX32, MAX32};
        for (int i = 0; i < wide.length; i++) {
            if (wide[i] < 0) {
                throw ZipFault.corrupt(null, "the ZIP64 end record has a negative count, size or offset");
            }
            if (classic[i] != markers[i] && classic[i] != wide[i]) {
                throw ZipFault.corrupt(null, "the end record and the ZIP64 end record disagree");
            }
        }
        return new EndRecord(wide[3], wide[5], wide[4], recordPosition);
    }

    private static void checkSingleDisk(long disk, long directoryDisk, long entriesOnDisk, long entries) throws ZipFault {
        if (disk != 0 || directoryDisk != 0 || entriesOnDisk != entries) {
            throw ZipFault.unsupported(null, "the archive is split over several disks");
        }
    }
}
