package ee.allkiri.bench;

import java.util.Arrays;

/**
 * The benchmarks of {@code bench/target/allkiri-bench.jar}:
 *
 * <pre>
 * java -jar bench/target/allkiri-bench.jar bundle --signers 1000,10000 [--threads N] [--seed S] [--single-thread-check] [--compare-paths]
 * java -jar bench/target/allkiri-bench.jar bundle --bundle FILE.asice --trust DIR [--threads N] [--compare-paths]
 * java -jar bench/target/allkiri-bench.jar snapshot [ee-test|ee-prod] [RUNS]
 * java -jar bench/target/allkiri-bench.jar cli [--runs N] [--trust SPEC]... [CONTAINER]   (process start to verdict)
 * java -jar bench/target/allkiri-bench.jar compare [--runs N] [--rows one,fixtures,bundle] [--allkiri LABEL=PATH]...
 *                                                  (allkiri against digidoc4j, whole processes)
 * java -jar bench/target/allkiri-bench.jar providers [--cold-runs N] [--seconds S]   (BC, JDK, Conscrypt verify speed)
 * java -jar bench/target/allkiri-bench.jar warm [--rounds N] [--threads N] [--bundle FILE --trust DIR]
 *                                               (one warm JVM against the public-key floor)
 * java -jar bench/target/allkiri-bench.jar stacks FILE.jfr [--from INSTANT] [--to INSTANT]   (where warm's samples went)
 * java -jar bench/target/allkiri-bench.jar jmh [JMH options]     (single-container benchmark)
 * </pre>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: allkiri-bench (bundle|snapshot|cli|compare|providers|warm|stacks|jmh) [options]; see bench/README.md");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "bundle" -> BundleBenchmark.main(rest);
            case "snapshot" -> SnapshotLoadBenchmark.main(rest);
            case "cli" -> CliStartBenchmark.main(rest);
            case "compare" -> CompareBenchmark.main(rest);
            case "providers" -> ProviderBenchmark.main(rest);
            case "warm" -> WarmBenchmark.main(rest);
            case "stacks" -> ProfileStacks.main(rest);
            case "jmh" -> org.openjdk.jmh.Main.main(rest);
            default -> {
                System.err.println("unknown benchmark: " + args[0]);
                System.exit(2);
            }
        }
    }
}
