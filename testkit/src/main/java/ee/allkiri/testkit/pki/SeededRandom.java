package ee.allkiri.testkit.pki;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * A reproducible "random" stream: SHA-256 in counter mode over a seed and a label. Every key,
 * serial number and nonce of the test PKI comes from its own labelled stream, so what is
 * generated does not depend on the order in which things are asked for, nor on threads.
 *
 * <p>For tests only: the output is predictable by design. One instance belongs to one thread.
 *
 * @since 0.1.0
 */
public final class SeededRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private SeededRandom(Spi spi) {
        super(spi, null);
    }

    /** A stream determined by the seed and the label. */
    public static SeededRandom of(long seed, String label) {
        return new SeededRandom(new Spi(seed, label));
    }

    /** Sixteen bytes of the labelled stream as a positive serial number. */
    public static java.math.BigInteger serial(long seed, String label) {
        byte[] bytes = new byte[16];
        of(seed, "serial:" + label).nextBytes(bytes);
        bytes[0] = (byte) ((bytes[0] & 0x7F) | 0x40);
        return new java.math.BigInteger(1, bytes);
    }

    @Override
    public String getAlgorithm() {
        return "allkiri-testkit-SHA256-CTR";
    }

    /** The counter-mode generator behind {@link SeededRandom}. */
    private static final class Spi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;

        private final byte[] key;
        private long counter;
        private byte[] block = new byte[0];
        private int used;

        Spi(long seed, String label) {
            MessageDigest sha = sha256();
            sha.update(ByteBuffer.allocate(8).putLong(seed).array());
            sha.update(label.getBytes(StandardCharsets.UTF_8));
            this.key = sha.digest();
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            // deliberately ignored: the stream is fixed by its seed and label
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                if (used == block.length) {
                    MessageDigest sha = sha256();
                    sha.update(key);
                    sha.update(ByteBuffer.allocate(8).putLong(counter++).array());
                    block = sha.digest();
                    used = 0;
                }
                bytes[i] = block[used++];
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] out = new byte[numBytes];
            engineNextBytes(out);
            return out;
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
