package ee.allkiri.asic.internal.container.zip;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;

/** A structural problem that stops parsing of the directory; becomes the directory's fatal finding. */
final class ZipFault extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Finding finding;

    ZipFault(FindingCode code, String location, String message) {
        super(message, null, false, false);
        this.finding = Finding.of(code, location, message);
    }

    static ZipFault corrupt(String location, String message) {
        return new ZipFault(FindingCode.ZIP_CORRUPT, location, message);
    }

    static ZipFault unsupported(String location, String message) {
        return new ZipFault(FindingCode.ZIP_UNSUPPORTED, location, message);
    }

    Finding finding() {
        return finding;
    }
}
