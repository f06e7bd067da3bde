package ee.allkiri.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Process start to verdict: runs {@code java -jar cli/target/allkiri.jar verify} on one container
 * in a fresh JVM, several times, and prints the wall time of each run (JVM start, trust loading,
 * verification, report). Run from the repository root after {@code mvn -B -q -DskipTests package}.
 *
 * <pre>
 * java -jar bench/target/allkiri-bench.jar cli [--runs N] [--jar PATH] [--trust SPEC]... [CONTAINER]
 * </pre>
 */
final class CliStartBenchmark {

    private CliStartBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int runs = 7;
        Path jar = Path.of("cli/target/allkiri.jar");
        Path container = Path.of("samples/valid-ee-id-card.bdoc");
        List<String> trust = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--trust" -> trust.addAll(List.of("--trust", args[++i]));
                default -> container = Path.of(args[i]);
            }
        }
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(container)) {
            throw new IOException("missing " + (Files.isRegularFile(jar) ? container : jar) + " (run from the repository root)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "verify"));
        command.addAll(trust);
        command.add(container.toString());

        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int exit = process.waitFor();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            if (exit != 0) {
                throw new IllegalStateException("run " + (i + 1) + " exited " + exit + ": " + String.join(" ", command));
            }
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        System.out.println(String.join(" ", command.subList(1, command.size())));
        System.out.printf(Locale.ROOT, "%d runs, start to verdict: min %.2f s, median %.2f s, max %.2f s%n", runs, sorted[0],
                sorted[runs / 2], sorted[runs - 1]);
    }
}
