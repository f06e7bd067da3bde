package ee.allkiri.examples.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ee.allkiri.examples.Poms;
import ee.allkiri.examples.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The public API of every published module is the one committed in {@code api/allkiri-<module>.api}:
 * a change to the public surface fails here, naming each line added or removed, until the file is
 * regenerated (a deliberate change is then a reviewed diff of that file):
 *
 * <pre>
 * ./mvnw -B -q -pl examples -am test -Dtest=ApiBaselineTest -Dsurefire.failIfNoSpecifiedTests=false -Dallkiri.api.write=true
 * </pre>
 */
class ApiBaselineTest {

    static final String REGENERATE = "./mvnw -B -q -pl examples -am test -Dtest=ApiBaselineTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dallkiri.api.write=true";

    private static Path baseline(String module) {
        return Shared.root().resolve("api").resolve("allkiri-" + module + ".api");
    }

    @Test
    @DisplayName("every published module's public API equals its committed baseline, api/allkiri-<module>.api")
    void theApiIsTheBaseline() throws Exception {
        List<String> modules = Poms.published(Shared.root());
        Map<String, List<String>> dump = ApiDump.dump(modules);
        if (Boolean.getBoolean("allkiri.api.write")) {
            write(dump);
        }
        List<String> problems = new ArrayList<>();
        for (String module : modules) {
            List<String> actual = dump.get(module);
            assertThat(actual).as("allkiri-%s has public types", module).isNotEmpty();
            List<String> expected = read(baseline(module));
            if (!expected.equals(actual)) {
                problems.add(difference(module, expected, actual));
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems) + "\nIf the change is deliberate, regenerate the baseline and review its diff:\n  "
                    + REGENERATE);
        }
    }

    @Test
    @DisplayName("the dump names types and members and skips internal packages")
    void theDumpSeesTheApi() throws Exception {
        Map<String, List<String>> dump = ApiDump.dump(List.of("asic", "core"));

        assertThat(dump.get("asic")).contains("ee.allkiri.asic.Verifier public final class",
                "ee.allkiri.asic.Verifier method public static ee.allkiri.asic.Verifier$TrustStage builder()");
        assertThat(dump.get("asic")).noneMatch(line -> line.startsWith("ee.allkiri.asic.internal."));
        assertThat(dump.get("core")).anyMatch(line -> line.startsWith("ee.allkiri.core.FindingCode field public static final"));
    }

    private static String difference(String module, List<String> expected, List<String> actual) {
        Set<String> removed = new LinkedHashSet<>(expected);
        actual.forEach(removed::remove);
        Set<String> added = new LinkedHashSet<>(actual);
        expected.forEach(added::remove);
        StringBuilder sb = new StringBuilder("the public API of allkiri-" + module + " differs from " + baseline(module) + ":");
        removed.forEach(line -> sb.append("\n  - ").append(line));
        added.forEach(line -> sb.append("\n  + ").append(line));
        if (removed.isEmpty() && added.isEmpty()) {
            sb.append(" (same lines, other order or duplicates)");
        }
        return sb.toString();
    }

    private static List<String> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private static void write(Map<String, List<String>> dump) throws IOException {
        for (Map.Entry<String, List<String>> e : dump.entrySet()) {
            List<String> lines = new ArrayList<>();
            lines.add("# The public API of allkiri-" + e.getKey() + ": one line per public type and member, sorted.");
            lines.add("# Checked by examples/src/test/java/ee/allkiri/examples/api/ApiBaselineTest; regenerate with");
            lines.add("#   " + REGENERATE);
            lines.addAll(e.getValue());
            Files.createDirectories(baseline(e.getKey()).getParent());
            Files.write(baseline(e.getKey()), lines, StandardCharsets.UTF_8);
        }
    }
}
