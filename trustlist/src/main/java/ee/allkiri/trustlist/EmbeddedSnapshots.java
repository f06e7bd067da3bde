package ee.allkiri.trustlist;

import java.util.List;

/**
 * The trust snapshots shipped inside the jar, by name:
 * <ul>
 *   <li>{@value #EE_TEST}: the open-eid test list of lists and the Estonian test list EE_T,
 *       for SK's TEST and DEMO certificates;</li>
 *   <li>{@value #EE_PROD}: the Estonian trusted list (RIA), sequence 65 of 2024-06-12,
 *       pinned to the Estonian Trusted List Scheme Operator's certificate. It is past its
 *       next update (2024-12-12): verifying with it gives {@code TRUST_LIST_STALE} unless
 *       validating at an earlier instant or the policy accepts stale lists. Refresh with
 *       {@code allkiri trust refresh}.</li>
 * </ul>
 * Each carries its trust material as verified at build time ({@code preverified.json}), so
 * loading one costs no XML signature verification; a test proves that material equals what
 * verifying the lists gives. Stateless.
 *
 * @since 0.1.0
 */
public final class EmbeddedSnapshots {

    /** Name of the embedded test snapshot. */
    public static final String EE_TEST = "ee-test";
    /** Name of the embedded production snapshot. */
    public static final String EE_PROD = "ee-prod";

    private static final String BASE = "/ee/allkiri/trustlist/snapshots/";

    private EmbeddedSnapshots() {
    }

    /** The names of the embedded snapshots. */
    public static List<String> names() {
        return List.of(EE_TEST, EE_PROD);
    }

    /**
     * @throws IllegalArgumentException when no snapshot has the name
     */
    public static SnapshotTrustSource source(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("no embedded trust snapshot named '" + name + "'; known: " + names());
        }
        return new SnapshotTrustSource(SnapshotFiles.resources(EmbeddedSnapshots.class, BASE + name), true);
    }
}
