package ee.allkiri.asic.internal.container.zip;

/** One central directory header (APPNOTE 4.3.12) with ZIP64 values resolved. */
record CentralRecord(int index, String name, byte[] rawName, boolean nameMalformed, int flags, int method,
                     long crc, long compressedSize, long size, long localHeaderOffset) {
}
