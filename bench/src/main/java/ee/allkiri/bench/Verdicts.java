package ee.allkiri.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Container verdicts read from the two tools' outputs, keyed by the container's absolute path:
 * whether it is valid, how many signatures it has and how many of them are valid.
 */
record Verdicts(Map<Path, Verdict> byContainer) {

    /** @param state VALID, INVALID, or ERROR when the tool threw instead of giving a verdict */
    record Verdict(String state, int signatures, int validSignatures, List<String> indications) {
        boolean valid() {
            return state.equals("VALID");
        }

        @Override
        public String toString() {
            return state + " (" + validSignatures + " of " + signatures + " signatures valid)";
        }
    }

    /** allkiri's {@code verify --format json} report. */
    static Verdicts ofAllkiriJson(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        Map<Path, Verdict> out = new LinkedHashMap<>();
        for (JsonNode c : root.path("containers")) {
            int valid = 0;
            List<String> indications = new ArrayList<>();
            for (JsonNode s : c.path("signatures")) {
                valid += s.path("valid").asBoolean() ? 1 : 0;
                indications.add(s.path("indication").asText() + "/" + s.path("subIndication").asText());
            }
            out.put(key(c.path("path").asText()), new Verdict(c.path("valid").asBoolean() ? "VALID" : "INVALID",
                    c.path("signatures").size(), valid, indications));
        }
        return new Verdicts(out);
    }

    /** The digidoc4j driver's lines (see {@code bench/digidoc4j}). */
    static Verdicts ofDriver(Path lines) throws IOException {
        Map<Path, Verdict> out = new LinkedHashMap<>();
        Path current = null;
        Verdict head = null;
        List<String> indications = new ArrayList<>();
        for (String line : Files.readAllLines(lines)) {
            String[] f = line.split("\t", -1);
            if (!line.startsWith("\t") && f.length >= 4) {
                if (current != null) {
                    out.put(current, new Verdict(head.state(), head.signatures(), head.validSignatures(), indications));
                }
                current = key(f[1]);
                head = new Verdict(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), List.of());
                indications = new ArrayList<>();
            } else if (line.startsWith("\t") && f.length >= 4) {
                indications.add(f[2] + "/" + f[3]);
            }
        }
        if (current != null) {
            out.put(current, new Verdict(head.state(), head.signatures(), head.validSignatures(), indications));
        }
        return new Verdicts(out);
    }

    /** The containers that one calls valid and the other not (or that only one of them reports). */
    List<String> disagreements(Verdicts other, String thisName, String otherName) {
        return differences(other, thisName, otherName, true,
                (ours, theirs) -> ours.valid() != theirs.valid());
    }

    /**
     * The containers with the same verdict on which the two count signatures, or valid signatures,
     * differently (or where one threw instead of giving a verdict).
     */
    List<String> signatureDifferences(Verdicts other, String thisName, String otherName) {
        return differences(other, thisName, otherName, false, (ours, theirs) -> ours.valid() == theirs.valid()
                && (ours.validSignatures() != theirs.validSignatures() || ours.signatures() != theirs.signatures()
                || !ours.state().equals(theirs.state())));
    }

    private List<String> differences(Verdicts other, String thisName, String otherName, boolean missing,
                                     java.util.function.BiPredicate<Verdict, Verdict> differ) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Path, Verdict> e : byContainer.entrySet()) {
            Verdict theirs = other.byContainer.get(e.getKey());
            Verdict ours = e.getValue();
            if (theirs == null) {
                if (missing) {
                    out.add(e.getKey().getFileName() + ": missing from " + otherName);
                }
            } else if (differ.test(ours, theirs)) {
                out.add(e.getKey().getFileName() + ": " + thisName + " " + ours + ", " + otherName + " " + theirs);
            }
        }
        for (Path p : other.byContainer.keySet()) {
            if (missing && !byContainer.containsKey(p)) {
                out.add(p.getFileName() + ": missing from " + thisName);
            }
        }
        return out;
    }

    private static Path key(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }
}
