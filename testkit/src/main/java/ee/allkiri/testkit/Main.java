package ee.allkiri.testkit;

import ee.allkiri.core.ReportJson;
import ee.allkiri.core.VerificationReport;
import ee.allkiri.testkit.bundle.AnswerKeyCheck;
import ee.allkiri.testkit.bundle.AnswerKeyRow;
import ee.allkiri.testkit.bundle.BundleForge;
import ee.allkiri.testkit.bundle.BundleSpec;
import ee.allkiri.testkit.bundle.BundleTerms;
import ee.allkiri.testkit.bundle.PlantedDefect;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.testkit.pki.TestPki;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The testkit command ({@code java -jar testkit/target/allkiri-testkit.jar}):
 *
 * <pre>
 * bundle   --signers N [--seed S] --out FILE [--threads T] [--defect-rate R] [--timestamp-c14n] [--probes]
 * variants [--seed S] --out DIR
 * check    --bundle FILE --report JSON
 * </pre>
 *
 * {@code bundle} forges a rahvaalgatus-style bundle with its answer key, trust anchors and
 * description beside it, and prints the time it took; {@code variants} writes every container of
 * the defect catalogue with {@code expected.csv} and the trust anchors; {@code check} compares
 * allkiri's JSON report ({@code allkiri verify --format json}) on a forged bundle with the
 * bundle's answer key; {@code --help} prints the usage. Exit code 0 on success (for {@code check}: everything matches), 1 when
 * {@code check} finds a mismatch, 2 on a usage or I/O error.
 *
 * @since 0.1.0
 */
public final class Main {

    private static final String USAGE = String.join("\n",
            "usage: java -jar allkiri-testkit.jar bundle --signers N [--seed S] --out FILE [--threads T]",
            "                                            [--defect-rate R] [--timestamp-c14n] [--probes]",
            "       java -jar allkiri-testkit.jar variants [--seed S] --out DIR",
            "       java -jar allkiri-testkit.jar check --bundle FILE --report JSON");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs a command and returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        if (args.length > 0 && List.of("--help", "-h", "help").contains(args[0])) {
            out.println(USAGE);
            return 0;
        }
        try {
            if (args.length == 0) {
                throw new IllegalArgumentException("no command");
            }
            Map<String, String> options = options(args);
            return switch (args[0]) {
                case "bundle" -> bundle(out, options);
                case "variants" -> variants(out, options);
                case "check" -> check(out, options);
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
            };
        } catch (IllegalArgumentException e) {
            err.println("allkiri-testkit: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("allkiri-testkit: " + e.getMessage());
            return 2;
        }
    }

    private static int bundle(PrintStream out, Map<String, String> o) throws IOException {
        BundleSpec spec = BundleSpec.of(integer(o, "signers", null), number(o, "seed", 1))
                .withDefectRate(Double.parseDouble(o.getOrDefault("defect-rate", String.valueOf(BundleSpec.DEFAULT_DEFECT_RATE))))
                .withThreads(integer(o, "threads", Runtime.getRuntime().availableProcessors()))
                .withTimestampC14n(o.containsKey("timestamp-c14n"));
        if (o.containsKey("probes")) {
            spec = spec.withProbes();
        }
        BundleForge.Result result = BundleForge.write(spec, Path.of(required(o, "out")));
        Map<PlantedDefect, Integer> planted = new EnumMap<>(PlantedDefect.class);
        long counted = 0;
        for (AnswerKeyRow row : result.rows()) {
            planted.merge(row.defect(), 1, Integer::sum);
            counted += row.counted() ? 1 : 0;
        }
        double seconds = result.elapsed().toMillis() / 1000.0;
        out.printf(Locale.ROOT, "forged %d signatures in %.1f s (%.0f signatures/s, %d threads)%n", result.rows().size(),
                seconds, result.rows().size() / Math.max(seconds, 0.001), spec.threads());
        out.println("container:   " + result.container());
        out.println("answer key:  " + result.answerKey() + " (" + counted + " counted; planted " + planted + ")");
        out.println("trust:       " + result.trust());
        out.println("description: " + result.description());
        return 0;
    }

    private static int variants(PrintStream out, Map<String, String> o) throws IOException {
        Path dir = Path.of(required(o, "out"));
        TestPki pki = TestPki.create(number(o, "seed", 1));
        ContainerForge forge = new ContainerForge(pki);
        List<String> expected = new ArrayList<>();
        expected.add("file,variant,expected_indication,expected_codes");
        for (Variant v : Variant.values()) {
            forge.write(v, dir);
            expected.add(v.fileName() + "," + v.name() + "," + v.indication() + ","
                    + String.join(" ", new TreeSet<>(v.codes().stream().map(Enum::name).toList())));
        }
        Files.write(dir.resolve("expected.csv"), expected, StandardCharsets.UTF_8);
        pki.writeTrust(dir.resolve("trust"));
        out.println("wrote " + Variant.values().length + " containers, expected.csv and trust/ to " + dir);
        return 0;
    }

    private static int check(PrintStream out, Map<String, String> o) throws IOException {
        Path bundle = Path.of(required(o, "bundle")).toAbsolutePath();
        String name = bundle.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        List<AnswerKeyRow> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(bundle.resolveSibling(base + ".answer-key.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            rows.add(AnswerKeyRow.parse(line));
        }
        BundleTerms terms = BundleTerms.read(bundle.resolveSibling(base + ".bundle.properties"));
        VerificationReport report;
        try {
            report = ReportJson.read(Files.readString(Path.of(required(o, "report")), StandardCharsets.UTF_8));
        } catch (java.io.UncheckedIOException e) {
            throw new IOException("not an allkiri JSON report: " + e.getCause().getMessage(), e);
        }
        if (report.containers().size() != 1) {
            throw new IOException("the report should cover the one bundle, not " + report.containers().size() + " containers");
        }
        List<String> mismatches = AnswerKeyCheck.mismatches(rows, report.containers().get(0), terms);
        mismatches.stream().limit(50).forEach(out::println);
        out.println(rows.size() + " signatures in the answer key, " + mismatches.size() + " mismatches");
        return mismatches.isEmpty() ? 0 : 1;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            if (name.equals("timestamp-c14n") || name.equals("probes")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
        }
        return options;
    }

    private static String required(Map<String, String> o, String name) {
        String value = o.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static int integer(Map<String, String> o, String name, Integer fallback) {
        String value = fallback == null ? required(o, name) : o.getOrDefault(name, String.valueOf(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " wants a number, not '" + value + "'");
        }
    }

    private static long number(Map<String, String> o, String name, long fallback) {
        String value = o.getOrDefault(name, String.valueOf(fallback));
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " wants a number, not '" + value + "'");
        }
    }
}
