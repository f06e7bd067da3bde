package ee.allkiri.asic.internal.container.zip;

/**
 * One entry as the central directory declares it, with where its data starts (from its local header).
 *
 * @param index              position in the central directory, from 0
 * @param name               decoded name (see {@code NameDecoder})
 * @param nameMalformed      flagged as UTF-8 but not valid UTF-8
 * @param flags              general purpose bit flags of the central directory header
 * @param method             compression method: 0 STORED, 8 DEFLATED, anything else unsupported
 * @param crc                CRC-32 of the uncompressed data
 * @param compressedSize     bytes of data in the archive
 * @param size               declared uncompressed size
 * @param localHeaderOffset  where the local header starts
 * @param dataOffset         where the (compressed) data starts
 * @param localExtraLength   length of the local header's extra field
 */
public record ZipEntry(int index, String name, boolean nameMalformed, int flags, int method, long crc,
                       long compressedSize, long size, long localHeaderOffset, long dataOffset, int localExtraLength) {

    public static final int STORED = 0;
    public static final int DEFLATED = 8;

    public boolean isDirectory() {
        return name.endsWith("/");
    }

    public boolean isStored() {
        return method == STORED;
    }

    /** General purpose flag bit 3: CRC and sizes follow the data in a data descriptor. */
    public boolean hasDataDescriptor() {
        return (flags & 0x0008) != 0;
    }
}
