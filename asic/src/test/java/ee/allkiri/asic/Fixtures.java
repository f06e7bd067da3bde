package ee.allkiri.asic;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared real-world fixtures and one verifier over their trust material, built once. */
public final class Fixtures {

    private static Verifier verifier;

    private Fixtures() {
    }

    public static Path shared() {
        String dir = System.getProperty("allkiri.shared");
        if (dir == null) {
            throw new IllegalStateException("system property allkiri.shared is not set (surefire sets it)");
        }
        return Path.of(dir);
    }

    public static Path container(String name) {
        return shared().resolve("fixtures/containers").resolve(name);
    }

    public static Path trust() {
        return shared().resolve("fixtures/trust");
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(container(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A verifier trusting every certificate under fixtures/trust, as check-fixtures does. */
    public static synchronized Verifier verifier() {
        if (verifier == null) {
            try {
                verifier = Verifier.builder().trust(new CertificateFolderTrustSource(trust())).build();
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
            List<String> lines = Files.readAllLines(shared().resolve("fixtures/MANIFEST.csv"), StandardCharsets.UTF_8);
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

    private static List<String> csv(String line) {
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
