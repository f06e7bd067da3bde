package ee.allkiri.asic.internal.container;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How much the {@code mimetype} rules weigh, by the container's name and the strict mimetype
 * option, as the Estonian validation service (SiVa) has it:
 * <ul>
 *   <li>the layout rules (not first, compressed, extra field: ETSI EN 319 162-1 A.1) are
 *       warnings, errors with the strict option;</li>
 *   <li>for an {@code .asice} or {@code .sce} container, a missing {@code mimetype} or one with
 *       another media type is a warning (its signatures are judged as usual), an error with the
 *       strict option;</li>
 *   <li>for a {@code .bdoc} (BDOC 2.1 6.1 requires the entry) and any other name, both stay
 *       errors: leniency is given by name only, never to an unknown kind of file;</li>
 *   <li>an entry named like {@code mimetype} but not exactly ({@code MIMETYPE_WRONG_NAME}) stays
 *       an error for every container.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class MimetypeLeniency {

    /** Warnings unless strict, for every container. */
    private static final Set<FindingCode> LAYOUT =
            Set.of(FindingCode.MIMETYPE_NOT_FIRST, FindingCode.MIMETYPE_COMPRESSED, FindingCode.MIMETYPE_EXTRA_FIELD);
    /** Warnings unless strict, for ASiC-E container names only. */
    private static final Set<FindingCode> PRESENCE = Set.of(FindingCode.MIMETYPE_MISSING, FindingCode.MIMETYPE_WRONG_CONTENT);
    private static final List<String> LENIENT_EXTENSIONS = List.of(".asice", ".sce");

    private MimetypeLeniency() {
    }

    /**
     * The container's findings with the mimetype findings at the severity this container gets.
     *
     * @param containerName the file or upload name the container came with (its extension decides)
     * @param strict        the strict mimetype option
     */
    public static List<Finding> apply(List<Finding> findings, String containerName, boolean strict) {
        boolean lenientName = !strict && lenientName(containerName);
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Severity severity = f.severity();
            if (LAYOUT.contains(f.code())) {
                severity = strict ? Severity.ERROR : Severity.WARNING;
            } else if (PRESENCE.contains(f.code())) {
                severity = lenientName ? Severity.WARNING : Severity.ERROR;
            }
            out.add(severity == f.severity() ? f : new Finding(f.code(), severity, f.message(), f.location()));
        }
        return out;
    }

    /** An ASiC-E name: ends with {@code .asice} or {@code .sce}, in any letter case. */
    static boolean lenientName(String containerName) {
        if (containerName == null) {
            return false;
        }
        String lower = containerName.toLowerCase(Locale.ROOT);
        return LENIENT_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }
}
