package ee.allkiri.asic.testing;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/** Raw deflate data that inflates to many zeros, made without ever holding the inflated bytes. */
public final class DeflatedZeros {

    private DeflatedZeros() {
    }

    /** {@code mebibytes} MiB of zeros: one fully flushed deflate block of 1 MiB, repeated, then a final empty block. */
    public static byte[] mebibytes(int mebibytes) {
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
}
