package ee.allkiri.testkit.zip;

import ee.allkiri.testkit.Identifiers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A raw ZIP writer for tests: every header field can be chosen or falsified, which java.util.zip
 * cannot do. By default it writes a well-formed archive (UTF-8 flag set, no extra fields, sizes
 * and CRC computed). Not thread-safe: one writer builds one archive.
 *
 * @since 0.1.0
 */
public final class RawZip {

    /** The ASiC-E media type ({@link Identifiers#ASIC_E}). */
    public static final String ASIC_E = Identifiers.ASIC_E;
    /** The OpenDocument manifest namespace ({@link Identifiers#MANIFEST}). */
    public static final String MANIFEST_NS = Identifiers.MANIFEST;

    /** One entry; every setter returns the entry so tests read as one line. */
    public static final class Entry {
        final String name;
        byte[] content;
        byte[] centralName;
        byte[] localName;
        int method;
        byte[] compressed;
        int flags = 0x0800;
        Integer localFlags;
        Integer localMethod;
        Long crc;
        Long localCrc;
        Long size;
        Long localSize;
        Long compressedSize;
        Long localCompressedSize;
        byte[] localExtra = new byte[0];
        byte[] centralExtra = new byte[0];
        boolean dataDescriptor;
        boolean unsignedDescriptor;
        Long descriptorCrc;
        boolean zip64;
        int disk;
        Integer sharesLocalHeaderOf;
        boolean centralOnly;
        boolean localOnly;

        Entry(String name, byte[] content) {
            this.name = name;
            this.content = content;
        }

        public String name() {
            return name;
        }

        /** Replaces the content (sizes and CRC follow unless set explicitly). */
        public Entry content(byte[] value) {
            content = value;
            return this;
        }

        public Entry deflated() {
            method = 8;
            return this;
        }

        public Entry method(int value) {
            method = value;
            return this;
        }

        public Entry localMethod(int value) {
            localMethod = value;
            return this;
        }

        public Entry flags(int value) {
            flags = value;
            return this;
        }

        public Entry localFlags(int value) {
            localFlags = value;
            return this;
        }

        public Entry rawName(byte[] bytes) {
            centralName = bytes;
            localName = bytes;
            return this;
        }

        public Entry localName(String value) {
            localName = value.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Entry crc(long value) {
            crc = value;
            localCrc = value;
            return this;
        }

        public Entry localCrc(long value) {
            localCrc = value;
            return this;
        }

        /** Declared uncompressed size, in both headers. */
        public Entry size(long value) {
            size = value;
            localSize = value;
            return this;
        }

        public Entry localSize(long value) {
            localSize = value;
            return this;
        }

        /** Raw data as stored in the archive, instead of the content compressed by this writer. */
        public Entry compressed(byte[] value) {
            compressed = value;
            return this;
        }

        public Entry compressedSize(long value) {
            compressedSize = value;
            localCompressedSize = value;
            return this;
        }

        public Entry localExtra(byte[] value) {
            localExtra = value;
            return this;
        }

        public Entry centralExtra(byte[] value) {
            centralExtra = value;
            return this;
        }

        /** Sets flag bit 3: zeros in the local header, a signed data descriptor after the data. */
        public Entry dataDescriptor() {
            dataDescriptor = true;
            flags |= 0x0008;
            return this;
        }

        /** A data descriptor without its optional signature. */
        public Entry unsignedDescriptor() {
            unsignedDescriptor = true;
            return dataDescriptor();
        }

        /** The CRC-32 written in the data descriptor only. */
        public Entry descriptorCrc(long value) {
            descriptorCrc = value;
            return this;
        }

        /** Writes sizes and offset as 0xFFFFFFFF with the ZIP64 extra fields. */
        public Entry zip64() {
            zip64 = true;
            return this;
        }

        public Entry disk(int value) {
            disk = value;
            return this;
        }

        /** A central directory header pointing at the local header of entry {@code index} (writes no local header). */
        public Entry sharesLocalHeaderOf(int index) {
            sharesLocalHeaderOf = index;
            centralOnly = true;
            return this;
        }

        /** Written as a local header and data only, absent from the central directory. */
        public Entry localOnly() {
            localOnly = true;
            return this;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private byte[] prefix = new byte[0];
    private boolean zip64End;
    private int[] centralOrder;
    private Long declaredCount;
    private long centralOffsetShift;
    private int endDisk;
    private byte[] comment = new byte[0];

    public Entry add(String name, byte[] content) {
        Entry e = new Entry(name, content);
        entries.add(e);
        return e;
    }

    public Entry add(String name, String content) {
        return add(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public Entry entry(int index) {
        return entries.get(index);
    }

    public Entry entry(String name) {
        return entries.stream().filter(e -> e.name.equals(name)).findFirst().orElseThrow();
    }

    public RawZip prefix(byte[] bytes) {
        prefix = bytes;
        return this;
    }

    public RawZip zip64End() {
        zip64End = true;
        return this;
    }

    /** The central directory lists the entries in this order (indexes into the local order). */
    public RawZip centralOrder(int... order) {
        centralOrder = order;
        return this;
    }

    public RawZip declaredCount(long count) {
        declaredCount = count;
        return this;
    }

    public RawZip centralOffsetShift(long shift) {
        centralOffsetShift = shift;
        return this;
    }

    public RawZip endDisk(int disk) {
        endDisk = disk;
        return this;
    }

    public RawZip comment(String text) {
        comment = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    // ---- well-formed containers --------------------------------------------------------------

    /** mimetype, manifest listing the data files, the data files, one signature file. */
    public static RawZip asice(String... dataFileNamesAndContents) {
        RawZip zip = new RawZip();
        zip.add("mimetype", ASIC_E);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < dataFileNamesAndContents.length; i += 2) {
            names.add(dataFileNamesAndContents[i]);
        }
        zip.add("META-INF/manifest.xml", manifest(names.toArray(String[]::new))).deflated();
        for (int i = 0; i < dataFileNamesAndContents.length; i += 2) {
            zip.add(dataFileNamesAndContents[i], dataFileNamesAndContents[i + 1]).deflated();
        }
        zip.add("META-INF/signatures0.xml", "<signature/>").deflated();
        return zip;
    }

    /** The usual test container: one data file "test.txt". */
    public static RawZip asice() {
        return asice("test.txt", "hello, world\n");
    }

    public static String manifest(String... paths) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest xmlns:manifest=\""
                + MANIFEST_NS + "\">\n  <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + ASIC_E + "\"/>\n");
        for (String path : paths) {
            b.append("  <manifest:file-entry manifest:full-path=\"").append(path)
                    .append("\" manifest:media-type=\"text/plain\"/>\n");
        }
        return b.append("</manifest:manifest>\n").toString();
    }

    // ---- writing ----------------------------------------------------------------------------

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public Path write(Path file) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writeTo(out);
        }
        return file;
    }

    private void writeTo(OutputStream target) throws IOException {
        Le out = new Le(target);
        out.bytes(prefix);
        int n = entries.size();
        long[] offsets = new long[n];
        byte[][] data = new byte[n][];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            data[i] = e.compressed != null ? e.compressed : e.method == 8 ? deflate(e.content) : e.content;
            if (e.centralOnly) {
                continue;
            }
            offsets[i] = out.position;
            writeLocal(out, e, data[i]);
        }
        for (int i = 0; i < n; i++) {
            if (entries.get(i).sharesLocalHeaderOf != null) {
                offsets[i] = offsets[entries.get(i).sharesLocalHeaderOf];
            }
        }
        long centralStart = out.position;
        int count = 0;
        for (int k = 0; k < n; k++) {
            int i = centralOrder == null ? k : centralOrder[k];
            Entry e = entries.get(i);
            if (!e.localOnly) {
                writeCentral(out, e, data[i], offsets[i]);
                count++;
            }
        }
        long centralSize = out.position - centralStart;
        long total = declaredCount != null ? declaredCount : count;
        long declaredOffset = centralStart + centralOffsetShift;
        boolean wide = zip64End || total >= 0xFFFF || declaredOffset >= 0xFFFFFFFFL;
        if (wide) {
            long recordOffset = out.position;
            out.u32(0x06064b50L).u64(44).u16(45).u16(45).u32(endDisk).u32(endDisk)
                    .u64(total).u64(total).u64(centralSize).u64(declaredOffset);
            out.u32(0x07064b50L).u32(0).u64(recordOffset).u32(1);
        }
        out.u32(0x06054b50L).u16(endDisk).u16(endDisk)
                .u16(wide ? 0xFFFF : (int) total).u16(wide ? 0xFFFF : (int) total)
                .u32(wide ? 0xFFFFFFFFL : centralSize).u32(wide ? 0xFFFFFFFFL : declaredOffset)
                .u16(comment.length).bytes(comment);
    }

    private void writeLocal(Le out, Entry e, byte[] data) throws IOException {
        byte[] name = e.localName != null ? e.localName : e.name.getBytes(StandardCharsets.UTF_8);
        long crc = crcOf(e);
        long size = e.size != null ? e.size : e.content.length;
        long csize = e.compressedSize != null ? e.compressedSize : data.length;
        long localCrc = e.localCrc != null ? e.localCrc : e.dataDescriptor ? 0 : crc;
        long localSize = e.localSize != null ? e.localSize : e.dataDescriptor ? 0 : size;
        long localCsize = e.localCompressedSize != null ? e.localCompressedSize : e.dataDescriptor ? 0 : csize;
        byte[] extra = e.localExtra;
        if (e.zip64) {
            extra = concat(new Le.Buffer().u16(1).u16(16).u64(localSize).u64(localCsize).toBytes(), extra);
            localSize = 0xFFFFFFFFL;
            localCsize = 0xFFFFFFFFL;
        }
        out.u32(0x04034b50L).u16(e.zip64 ? 45 : 20).u16(e.localFlags != null ? e.localFlags : e.flags)
                .u16(e.localMethod != null ? e.localMethod : e.method).u16(0).u16(0x21)
                .u32(localCrc).u32(localCsize).u32(localSize).u16(name.length).u16(extra.length)
                .bytes(name).bytes(extra).bytes(data);
        if (e.dataDescriptor) {
            if (!e.unsignedDescriptor) {
                out.u32(0x08074b50L);
            }
            out.u32(e.descriptorCrc != null ? e.descriptorCrc : crc);
            if (e.zip64) {
                out.u64(csize).u64(size);
            } else {
                out.u32(csize).u32(size);
            }
        }
    }

    private void writeCentral(Le out, Entry e, byte[] data, long offset) throws IOException {
        byte[] name = e.centralName != null ? e.centralName : e.name.getBytes(StandardCharsets.UTF_8);
        long size = e.size != null ? e.size : e.content.length;
        long csize = e.compressedSize != null ? e.compressedSize : data.length;
        byte[] extra = e.centralExtra;
        long disk = e.disk;
        if (e.zip64) {
            extra = concat(new Le.Buffer().u16(1).u16(24).u64(size).u64(csize).u64(offset).toBytes(), extra);
            size = 0xFFFFFFFFL;
            csize = 0xFFFFFFFFL;
            offset = 0xFFFFFFFFL;
        }
        out.u32(0x02014b50L).u16(0x031E).u16(e.zip64 ? 45 : 20).u16(e.flags).u16(e.method).u16(0).u16(0x21)
                .u32(crcOf(e)).u32(csize).u32(size).u16(name.length).u16(extra.length).u16(0)
                .u16((int) disk).u16(0).u32(0).u32(offset).bytes(name).bytes(extra);
    }

    private static long crcOf(Entry e) {
        if (e.crc != null) {
            return e.crc;
        }
        CRC32 crc = new CRC32();
        crc.update(e.content);
        return crc.getValue();
    }

    public static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    /** Little-endian writer that counts its position. */
    static class Le {
        private final OutputStream out;
        long position;

        Le(OutputStream out) {
            this.out = out;
        }

        Le u16(int v) throws IOException {
            out.write(v & 0xFF);
            out.write((v >>> 8) & 0xFF);
            position += 2;
            return this;
        }

        Le u32(long v) throws IOException {
            u16((int) (v & 0xFFFF));
            return u16((int) ((v >>> 16) & 0xFFFF));
        }

        Le u64(long v) throws IOException {
            u32(v & 0xFFFFFFFFL);
            return u32(v >>> 32);
        }

        Le bytes(byte[] b) throws IOException {
            out.write(b);
            position += b.length;
            return this;
        }

        /** An in-memory little-endian buffer for building extra fields. */
        static final class Buffer {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private final Le le = new Le(bytes);

            Buffer u16(int v) {
                try {
                    le.u16(v);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return this;
            }

            Buffer u64(long v) {
                try {
                    le.u64(v);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return this;
            }

            byte[] toBytes() {
                return bytes.toByteArray();
            }
        }
    }
}
