package ee.allkiri.cli;

import ee.allkiri.core.Provenance.SkipReason;

/** The reasons a file in a folder was skipped, in words. */
final class SkipReasons {

    private SkipReasons() {
    }

    static String describe(SkipReason reason) {
        return switch (reason) {
            case PDF -> "a PDF document, not an ASiC-E / BDOC container (PAdES signatures are not verified)";
            case ZIP_NOT_ASIC -> "a ZIP archive that is not an ASiC-E container";
            case NOT_A_CONTAINER -> "not a container (by its name and content)";
            case LINKED_FOLDER -> "a symbolic link to a folder (not followed)";
            case NOT_A_REGULAR_FILE -> "not a regular file (a pipe, socket or device is not opened)";
        };
    }
}
