package ee.allkiri.testkit.bundle;

import ee.allkiri.testkit.pki.TestPki;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What bundle to forge: how many signatures, from which seed, how often each kind of defect is
 * planted, and the initiative's collection window (60 days before the epoch to 30 days after)
 * and minimum age.
 *
 * @param signers       number of signatures planned from the seed (the probes come on top)
 * @param seed          everything (PKI, people, times, defects) follows from it
 * @param defectRate    the probability of each randomly planted {@link PlantedDefect} kind per signature (0 for a
 *                      clean bundle)
 * @param threads       signing threads
 * @param timestampC14n whether SignatureTimeStamp names its canonicalization (undersign 0.1.337, which
 *                      rahvaalgatus uses, does not: false is the realistic default)
 * @param epoch         the PKI's epoch, the middle of the signing period
 * @param minAge        the minimum age to sign (16 for national initiatives)
 * @param probes        whether to add the counting probes ({@link PlantedDefect#PROBES}) and make the window whole
 *                      Tallinn days ({@link #firstDay()} to {@link #lastDay()}); off by default, so that a seed gives
 *                      the same bundle as before the probes existed
 *
 * @since 0.1.0
 */
public record BundleSpec(int signers, long seed, double defectRate, int threads, boolean timestampC14n, Instant epoch,
                         int minAge, boolean probes) {

    /** Each defect kind's default rate: about 1 % of signatures each. */
    public static final double DEFAULT_DEFECT_RATE = 0.01;

    /** The zone whose calendar days a probed bundle's window is made of. */
    public static final ZoneId TALLINN = ZoneId.of("Europe/Tallinn");

    public BundleSpec {
        if (signers < 1) {
            throw new IllegalArgumentException("at least one signer");
        }
        if (defectRate < 0 || defectRate * PlantedDefect.RANDOM.size() > 1) {
            throw new IllegalArgumentException("defect rate out of range: " + defectRate);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread");
        }
        Objects.requireNonNull(epoch, "epoch");
    }

    /** A bundle with the default rates, the default epoch, all processors, undersign's time-stamps and no probes. */
    public static BundleSpec of(int signers, long seed) {
        return new BundleSpec(signers, seed, DEFAULT_DEFECT_RATE, Runtime.getRuntime().availableProcessors(), false,
                TestPki.DEFAULT_EPOCH, 16, false);
    }

    public BundleSpec withDefectRate(double rate) {
        return new BundleSpec(signers, seed, rate, threads, timestampC14n, epoch, minAge, probes);
    }

    public BundleSpec withThreads(int count) {
        return new BundleSpec(signers, seed, defectRate, count, timestampC14n, epoch, minAge, probes);
    }

    public BundleSpec withTimestampC14n(boolean value) {
        return new BundleSpec(signers, seed, defectRate, threads, value, epoch, minAge, probes);
    }

    /** The same bundle around another epoch (e.g. to put the window's last day on a day the clocks change). */
    public BundleSpec withEpoch(Instant value) {
        return new BundleSpec(signers, seed, defectRate, threads, timestampC14n, value, minAge, probes);
    }

    /** The same bundle with the counting probes added and a window of whole Tallinn days. */
    public BundleSpec withProbes() {
        return new BundleSpec(signers, seed, defectRate, threads, timestampC14n, epoch, minAge, true);
    }

    /** The collection window opens 60 days before the epoch (with probes: at 00:00 Tallinn time of that day). */
    public Instant windowFrom() {
        return probes ? firstDay().atStartOfDay(TALLINN).toInstant() : epoch.minus(Duration.ofDays(60));
    }

    /**
     * The collection window closes (the deadline, inclusive) 30 days after the epoch; with
     * probes at the end of that Tallinn day: its last nanosecond, the next day's 00:00 being the
     * first instant outside.
     */
    public Instant windowUntil() {
        return probes ? lastDay().plusDays(1).atStartOfDay(TALLINN).toInstant().minusNanos(1) : epoch.plus(Duration.ofDays(30));
    }

    /** The Tallinn calendar day the window opens on. */
    public LocalDate firstDay() {
        return LocalDate.ofInstant(epoch.minus(Duration.ofDays(60)), TALLINN);
    }

    /** The Tallinn calendar day the window closes on. */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(epoch.plus(Duration.ofDays(30)), TALLINN);
    }
}
