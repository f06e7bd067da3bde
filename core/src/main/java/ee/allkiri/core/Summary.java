package ee.allkiri.core;

import java.util.List;

/**
 * Counts over a verification run.
 *
 * @param containers    containers examined
 * @param signatures    signatures found in them
 * @param valid         signatures with TOTAL_PASSED
 * @param invalid       signatures with TOTAL_FAILED
 * @param indeterminate signatures with INDETERMINATE
 * @since 0.1.0
 */
public record Summary(int containers, int signatures, int valid, int invalid, int indeterminate) {

    public static Summary of(List<ContainerReport> reports) {
        int signatures = 0;
        int valid = 0;
        int invalid = 0;
        int indeterminate = 0;
        for (ContainerReport c : reports) {
            for (SignatureReport s : c.signatures()) {
                signatures++;
                switch (s.indication()) {
                    case TOTAL_PASSED -> valid++;
                    case TOTAL_FAILED -> invalid++;
                    case INDETERMINATE -> indeterminate++;
                }
            }
        }
        return new Summary(reports.size(), signatures, valid, invalid, indeterminate);
    }
}
