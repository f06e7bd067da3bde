package ee.allkiri.asic.hostile;

import ee.allkiri.asic.testing.DeflatedZeros;
import ee.allkiri.testkit.zip.RawZip;

/** Raw deflate data that inflates enormously, made without ever holding the inflated bytes. */
final class Bombs {

    static final long GIB = 1L << 30;

    private static byte[] gibibyte;

    private Bombs() {
    }

    /** 1 GiB of zeros as raw deflate data (about 1 MB), made once. */
    static synchronized byte[] gibibyteOfZeros() {
        if (gibibyte == null) {
            gibibyte = DeflatedZeros.mebibytes(1024);
        }
        return gibibyte;
    }

    /** Adds an entry whose data is 1 GiB of deflated zeros, declaring {@code declaredSize} (CRC of nothing). */
    static RawZip.Entry addGibibyte(RawZip zip, String name, long declaredSize) {
        return zip.add(name, new byte[0]).deflated().compressed(gibibyteOfZeros()).size(declaredSize).crc(0);
    }
}
