package ee.allkiri.asic.hostile;

import ee.allkiri.testkit.zip.RawZip;
import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/** Raw deflate data that inflates enormously, made without ever holding the inflated bytes. */
final class Bombs {

    static final long GIB = 1L << 30;

    private static byte[] gibibyte;

    private Bombs() {
    }

    /** 1 GiB of zeros as raw deflate data (about 1 MB), made once. */
    static synchronized byte[] gibibyteOfZeros() {
        if (gibibyte == null) {
            gibibyte = zeros(1024);
        }
        return gibibyte;
    }

    /** {@code mebibytes} MiB of zeros: one fully flushed deflate block of 1 MiB, repeated, then a final empty block. */
    static byte[] zeros(int mebibytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        try {
            deflater.setInput(new byte[1 << 20]);
            byte[] buffer = new byte[1 << 16];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
                block.write(buffer, 0, n);
            } while (n == buffer.length || !deflater.needsInput());
        } finally {
            deflater.end();
        }
        byte[] one = block.toByteArray();
        byte[] all = new byte[one.length * mebibytes + 2];
        for (int i = 0; i < mebibytes; i++) {
            System.arraycopy(one, 0, all, i * one.length, one.length);
        }
        all[all.length - 2] = 0x03; // a final, empty, fixed-Huffman block
        return all;
    }

    /** Adds an entry whose data is 1 GiB of deflated zeros, declaring {@code declaredSize} (CRC of nothing). */
    static RawZip.Entry addGibibyte(RawZip zip, String name, long declaredSize) {
        return zip.add(name, new byte[0]).deflated().compressed(gibibyteOfZeros()).size(declaredSize).crc(0);
    }
}
