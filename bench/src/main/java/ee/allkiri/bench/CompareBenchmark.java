package ee.allkiri.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * allkiri against digidoc4j 6.1.0 as users run them: whole processes from start to exit, on the
 * same input, alternating, in one run. Three rows: one container ({@code samples/valid-ee-id-card.bdoc}
 * with the PEM trust of {@code fixtures/trust}), the fixtures folder in one call, and a
 * bundle signed by the real npm {@code undersign} (see {@link UndersignBundle}). Prints for each
 * tool the median wall time, CPU time (user + system) and peak resident memory ({@code /usr/bin/time}),
 * digidoc4j's time over the tool's (wall and CPU: on a loaded machine the CPU ratio is the steadier
 * one), the machine's load average around the row, and where the verdicts differ.
 *
 * <pre>
 * mvn -B -q -DskipTests package &amp;&amp; mvn -B -q -f bench/digidoc4j/pom.xml package
 * java -jar bench/target/allkiri-bench.jar compare [--runs N] [--warmup N] [--rows one,fixtures,bundle]
 *      [--allkiri LABEL=JAR_OR_LAUNCHER]... [--signers N] [--fixtures DIR] [--work DIR] [--no-network]
 * </pre>
 *
 * A {@code --allkiri} path ending in {@code .jar} runs as {@code java -jar PATH}, anything else is
 * executed as it is (the launcher {@code cli/target/allkiri}). Several are measured in the same
 * rounds, e.g. the jar of main as {@code before=...} and the launcher as {@code after=...}.
 * {@code --no-network} runs every process under {@code unshare -n} (no network at all).
 */
final class CompareBenchmark {

    private static final Path TIME = Path.of("/usr/bin/time");

    private CompareBenchmark() {
    }

    record Tool(String label, List<String> command) {
    }

    record Row(String name, String description, Path trust, List<Path> inputs) {
    }

    record Run(double seconds, double cpuSeconds, long peakKb, int exit) {
    }

    public static void main(String[] args) throws Exception {
        int runs = 7;
        int warmup = 1;
        List<String> rowNames = List.of("one", "fixtures", "bundle");
        Map<String, Path> allkiri = new LinkedHashMap<>();
        Path digidoc4j = Path.of("bench/digidoc4j");
        Path fixtures = Path.of(System.getProperty("allkiri.fixtures", "fixtures"));
        Path work = Path.of("bench/target/compare");
        int signers = 1000;
        boolean noNetwork = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rows" -> rowNames = List.of(args[++i].split(","));
                case "--allkiri" -> {
                    String[] kv = args[++i].split("=", 2);
                    allkiri.put(kv.length == 2 ? kv[0] : "allkiri", Path.of(kv[kv.length - 1]));
                }
                case "--digidoc4j" -> digidoc4j = Path.of(args[++i]);
                case "--fixtures" -> fixtures = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--signers" -> signers = Integer.parseInt(args[++i]);
                case "--no-network" -> noNetwork = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!Files.isExecutable(TIME)) {
            throw new IOException(TIME + " (GNU time) is missing: it measures each process's peak resident memory "
                    + "(apt-get install time)");
        }
        if (allkiri.isEmpty()) {
            Path launcher = Path.of("cli/target/allkiri");
            allkiri.put("allkiri", Files.isExecutable(launcher) ? launcher : Path.of("cli/target/allkiri.jar"));
        }
        List<String> prefix = noNetwork ? List.of("unshare", "-n") : List.of();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Tool> tools = new ArrayList<>();
        for (Map.Entry<String, Path> e : allkiri.entrySet()) {
            requireFile(e.getValue(), "mvn -B -q -DskipTests package");
            List<String> command = new ArrayList<>(prefix);
            if (e.getValue().toString().endsWith(".jar")) {
                command.addAll(List.of(java, "-jar", e.getValue().toString()));
            } else {
                command.add(e.getValue().toString());
            }
            command.addAll(List.of("verify", "--format", "json"));
            tools.add(new Tool(e.getKey(), command));
        }
        Path classes = digidoc4j.resolve("target/classes");
        Path classpath = digidoc4j.resolve("target/classpath.txt");
        requireFile(classpath, "mvn -B -q -f " + digidoc4j.resolve("pom.xml") + " package");
        List<String> d4j = new ArrayList<>(prefix);
        d4j.addAll(List.of(java, "-cp", classes + File.pathSeparator + Files.readString(classpath).trim(),
                "ee.allkiri.bench.digidoc4j.Driver"));
        Tool reference = new Tool("digidoc4j", d4j);

        Path fixtureTrust = fixtures.resolve("trust");
        List<Row> rows = new ArrayList<>();
        for (String name : rowNames) {
            rows.add(switch (name) {
                case "one" -> new Row(name, "one container, samples/valid-ee-id-card.bdoc", fixtureTrust,
                        List.of(Path.of("samples/valid-ee-id-card.bdoc")));
                case "fixtures" -> new Row(name, "the fixtures folder in one call", fixtureTrust,
                        List.of(fixtures.resolve("containers")));
                case "bundle" -> {
                    UndersignBundle bundle = UndersignBundle.in(work.resolve("undersign-" + signers), signers,
                            Path.of("testkit/src/test/node"));
                    yield new Row(name, "a " + signers + "-signature bundle signed by npm undersign", bundle.trust(),
                            List.of(bundle.container()));
                }
                default -> throw new IllegalArgumentException("unknown row " + name + " (one, fixtures, bundle)");
            });
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; %d timed rounds after %d warm-up round(s), alternating%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), runs, warmup);
        for (Row row : rows) {
            measure(row, tools, reference, runs, warmup, work);
        }
    }

    private static void measure(Row row, List<Tool> tools, Tool reference, int runs, int warmup, Path work)
            throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("out-" + row.name()));
        List<Tool> all = new ArrayList<>(tools);
        all.add(reference);
        Map<Tool, List<Run>> results = new LinkedHashMap<>();
        all.forEach(t -> results.put(t, new ArrayList<>()));
        List<Double> loads = new ArrayList<>();
        String loadBefore = loadAverage();
        for (int round = 0; round < warmup + runs; round++) {
            List<Tool> order = new ArrayList<>(all);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (Tool tool : order) {
                Run run = run(command(tool, row), dir.resolve(tool.label() + ".out"), dir.resolve(tool.label() + ".err"));
                if (run.exit() != 0 && run.exit() != 1) {
                    throw new IllegalStateException(tool.label() + " exited " + run.exit() + " on row " + row.name() + ": "
                            + tail(dir.resolve(tool.label() + ".err")));
                }
                if (round >= warmup) {
                    results.get(tool).add(run);
                }
                loads.add(Double.parseDouble(loadAverage().split(" ")[0]));
            }
        }
        String loadAfter = loadAverage();
        System.out.printf(Locale.ROOT, "%nrow %s: %s (trust %s)%n", row.name(), row.description(), row.trust());
        System.out.printf(Locale.ROOT, "  load average before %s, after %s; 1-minute load after each run %.2f - %.2f%n",
                loadBefore, loadAfter, loads.stream().mapToDouble(d -> d).min().orElse(0),
                loads.stream().mapToDouble(d -> d).max().orElse(0));
        double referenceMedian = median(results.get(reference).stream().mapToDouble(Run::seconds).toArray());
        double referenceCpu = median(results.get(reference).stream().mapToDouble(Run::cpuSeconds).toArray());
        System.out.printf(Locale.ROOT, "  %-12s %9s %17s %9s %13s %s%n", "tool", "median", "min - max", "CPU", "peak RSS",
                "digidoc4j / tool (wall, CPU)");
        for (Tool tool : all) {
            List<Run> r = results.get(tool);
            double[] wall = r.stream().mapToDouble(Run::seconds).toArray();
            double med = median(wall);
            double cpu = median(r.stream().mapToDouble(Run::cpuSeconds).toArray());
            System.out.printf(Locale.ROOT, "  %-12s %7.2f s %7.2f - %5.2f s %7.2f s %10d MB %s%n", tool.label(), med,
                    Arrays.stream(wall).min().orElse(0), Arrays.stream(wall).max().orElse(0), cpu,
                    (long) median(r.stream().mapToDouble(Run::peakKb).toArray()) / 1024,
                    tool == reference ? "" : String.format(Locale.ROOT, "%.2fx, %.2fx", referenceMedian / med, referenceCpu / cpu));
        }
        // the machine's speed drifts over minutes: a ratio of runs made next to each other in the same round is steadier
        List<Run> ref = results.get(reference);
        for (Tool tool : tools) {
            List<Run> r = results.get(tool);
            double[] wallRatios = new double[r.size()];
            double[] cpuRatios = new double[r.size()];
            for (int i = 0; i < r.size(); i++) {
                wallRatios[i] = ref.get(i).seconds() / r.get(i).seconds();
                cpuRatios[i] = ref.get(i).cpuSeconds() / r.get(i).cpuSeconds();
            }
            System.out.printf(Locale.ROOT, "  %-12s digidoc4j / tool within each round: wall median %.2fx (%.2f - %.2fx), CPU median %.2fx%n",
                    tool.label(), median(wallRatios), Arrays.stream(wallRatios).min().orElse(0),
                    Arrays.stream(wallRatios).max().orElse(0), median(cpuRatios));
        }
        Verdicts d4j = Verdicts.ofDriver(dir.resolve(reference.label() + ".out"));
        Verdicts first = null;
        for (Tool tool : tools) {
            Verdicts ours = Verdicts.ofAllkiriJson(dir.resolve(tool.label() + ".out"));
            List<String> differ = ours.disagreements(d4j, tool.label(), "digidoc4j");
            System.out.printf(Locale.ROOT, "  verdicts: %s and digidoc4j agree on %d of %d containers%n", tool.label(),
                    ours.byContainer().size() - differ.size(), ours.byContainer().size());
            differ.forEach(d -> System.out.println("    " + d));
            List<String> counts = ours.signatureDifferences(d4j, tool.label(), "digidoc4j");
            if (!counts.isEmpty()) {
                System.out.printf(Locale.ROOT, "  same verdict, signatures counted differently or digidoc4j threw: %d%n",
                        counts.size());
                counts.forEach(d -> System.out.println("    " + d));
            }
            if (first == null) {
                first = ours;
            } else {
                System.out.printf(Locale.ROOT, "  verdicts: %s and %s identical (every signature's indication): %s%n",
                        tools.get(0).label(), tool.label(), first.equals(ours));
            }
        }
    }

    private static List<String> command(Tool tool, Row row) {
        List<String> command = new ArrayList<>(tool.command());
        command.addAll(List.of("--trust", row.trust().toString()));
        row.inputs().forEach(p -> command.add(p.toString()));
        return command;
    }

    /** One process under GNU time: wall time measured here, CPU time and peak resident set from time. */
    static Run run(List<String> command, Path stdout, Path stderr) throws IOException, InterruptedException {
        Path timeFile = Files.createTempFile("allkiri-bench-time", ".txt");
        try {
            List<String> full = new ArrayList<>(List.of(TIME.toString(), "-o", timeFile.toString(), "-f", "%M %U %S"));
            full.addAll(command);
            long start = System.nanoTime();
            Process process = new ProcessBuilder(full).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            int exit = process.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> lines = Files.readAllLines(timeFile);
            String[] f = lines.get(lines.size() - 1).trim().split(" ");
            return new Run(seconds, Double.parseDouble(f[1]) + Double.parseDouble(f[2]), Long.parseLong(f[0]), exit);
        } finally {
            Files.deleteIfExists(timeFile);
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void requireFile(Path file, String build) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("missing " + file + ": build it with '" + build + "' (run from the repository root)");
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }
}
