package ee.allkiri.testkit.bundle;

import ee.allkiri.testkit.pki.TestPki;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What bundle to forge: how many signatures, from which seed, how often each kind of defect is
 * planted, and the initiative's collection window (60 days before the epoch to 30 days after)
 * and minimum age.
 *
 * @param signers       number of signatures
 * @param seed          everything (PKI, people, times, defects) follows from it
 * @param defectRate    the probability of each {@link PlantedDefect} kind per signature (0 for a clean bundle)
 * @param threads       signing threads
 * @param timestampC14n whether SignatureTimeStamp names its canonicalization (undersign 0.1.337, which
 *                      rahvaalgatus uses, does not: false is the realistic default)
 * @param epoch         the PKI's epoch, the middle of the signing period
 * @param minAge        the minimum age to sign (16 for national initiatives)
 */
public record BundleSpec(int signers, long seed, double defectRate, int threads, boolean timestampC14n, Instant epoch,
                         int minAge) {

    /** Each defect kind's default rate: about 1 % of signatures each. */
    public static final double DEFAULT_DEFECT_RATE = 0.01;

    public BundleSpec {
        if (signers < 1) {
            throw new IllegalArgumentException("at least one signer");
        }
        if (defectRate < 0 || defectRate * (PlantedDefect.values().length - 1) > 1) {
            throw new IllegalArgumentException("defect rate out of range: " + defectRate);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread");
        }
        Objects.requireNonNull(epoch, "epoch");
    }

    /** A bundle with the default rates, the default epoch, all processors, and undersign's time-stamps. */
    public static BundleSpec of(int signers, long seed) {
        return new BundleSpec(signers, seed, DEFAULT_DEFECT_RATE, Runtime.getRuntime().availableProcessors(), false,
                TestPki.DEFAULT_EPOCH, 16);
    }

    public BundleSpec withDefectRate(double rate) {
        return new BundleSpec(signers, seed, rate, threads, timestampC14n, epoch, minAge);
    }

    public BundleSpec withThreads(int count) {
        return new BundleSpec(signers, seed, defectRate, count, timestampC14n, epoch, minAge);
    }

    public BundleSpec withTimestampC14n(boolean value) {
        return new BundleSpec(signers, seed, defectRate, threads, value, epoch, minAge);
    }

    /** The collection window opens 60 days before the epoch. */
    public Instant windowFrom() {
        return epoch.minus(Duration.ofDays(60));
    }

    /** The collection window closes (the deadline) 30 days after the epoch. */
    public Instant windowUntil() {
        return epoch.plus(Duration.ofDays(30));
    }
}
