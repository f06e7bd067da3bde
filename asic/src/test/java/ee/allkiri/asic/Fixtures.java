package ee.allkiri.asic;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The repository's real-world fixtures ({@code fixtures/}, handed to the tests by the build as
 * {@code allkiri.fixtures}) and one verifier over their trust material, built once, validating
 * at {@link #AT}.
 */
public final class Fixtures {

    /**
     * The instant every fixture verdict is taken at, instead of the system clock, so that the
     * verdicts do not drift as certificates, trusted lists and the validation policy's algorithm
     * expiry dates (2029 for RSA keys under 3000 bits) age. allkiri's agreement with MANIFEST.csv
     * (80/81, scripts/check-fixtures, which validates at the same instant) holds at it.
     */
    public static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");

    private static Verifier verifier;

    private Fixtures() {
    }

    /** The fixtures folder: {@code containers/}, {@code trust/}, {@code MANIFEST.csv}, {@code PROVENANCE.csv}. */
    public static Path dir() {
        return ee.allkiri.trustlist.Fixtures.dir();
    }

    public static Path container(String name) {
        return dir().resolve("containers").resolve(name);
    }

    public static Path trust() {
        return dir().resolve("trust");
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(container(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A verifier trusting every certificate under fixtures/trust, as check-fixtures does, at {@link #AT}. */
    public static synchronized Verifier verifier() {
        if (verifier == null) {
            try {
                verifier = Verifier.builder().trust(new CertificateFolderTrustSource(trust())).validationTime(AT).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return verifier;
    }

    public static ContainerReport verify(String name) {
        try {
            return verifier().verify(container(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row of fixtures/MANIFEST.csv. */
    public record Row(String file, String expected, String notes) {
        public String name() {
            return file.substring(file.lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return name() + " " + expected;
        }
    }

    public static List<Row> manifest() {
        try {
            List<String> lines = Files.readAllLines(dir().resolve("MANIFEST.csv"), StandardCharsets.UTF_8);
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                List<String> cells = csv(line);
                rows.add(new Row(cells.get(0), cells.get(3), cells.get(6)));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cells of one line of a CSV file (RFC 4180 quoting, no line breaks in cells). */
    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
