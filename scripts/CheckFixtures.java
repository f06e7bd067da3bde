import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores allkiri's verdicts against the expected ones: {@code CheckFixtures RESULT.json MANIFEST.csv}.
 * RESULT.json is the output of {@code allkiri verify --format json} over fixtures/containers. A
 * container agrees when it is valid exactly when MANIFEST.csv expects VALID; rows expecting
 * UNKNOWN are not scored. Prints each disagreement, then {@code agree A/N}; exits 0 when every
 * scored container agrees, 1 when some does not, 2 when a container has no verdict.
 * Run by scripts/check-fixtures with the CLI jar on the class path (for Jackson).
 */
public class CheckFixtures {

    public static void main(String[] args) throws Exception {
        Map<String, JsonNode> verdicts = new HashMap<>();
        for (JsonNode container : new ObjectMapper().readTree(Path.of(args[0]).toFile()).path("containers")) {
            verdicts.put(Path.of(container.path("path").asText()).getFileName().toString(), container);
        }
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        int scored = 0;
        int agree = 0;
        List<String> missing = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            String name = Path.of(cells.get(0)).getFileName().toString();
            String expected = cells.get(3);
            if (expected.equals("UNKNOWN")) {
                continue;
            }
            scored++;
            JsonNode verdict = verdicts.get(name);
            if (verdict == null) {
                missing.add(name);
                System.out.println("missing: " + name);
                continue;
            }
            boolean valid = verdict.path("valid").asBoolean();
            if (valid == expected.equals("VALID")) {
                agree++;
            } else {
                System.out.println("disagree: " + name + " expected=" + expected + " got="
                        + (valid ? "VALID" : verdict.path("indication").asText()));
            }
        }
        System.out.println("agree " + agree + "/" + scored);
        System.exit(!missing.isEmpty() ? 2 : agree == scored ? 0 : 1);
    }

    /** The cells of one CSV line (RFC 4180 quotes; MANIFEST.csv has no line breaks in cells). */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
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
