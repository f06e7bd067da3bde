package ee.allkiri.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's execution samples went (the {@code jdk.ExecutionSample} stacks that
 * {@code jfr print} shows), for allkiri's share of a {@code warm} run: the samples of a time window
 * (e.g. the last half that {@code warm} prints), leaving out threads whose name starts with
 * {@code --exclude} (default {@code bench-floor-}, the floor's threads). Each sample is either
 * public-key work ({@code java.security.Signature} {@code update}/{@code verify} on the stack:
 * what the floor measures; {@code initVerify} apart, as key set-up, and Bouncy Castle's second,
 * discarded verification apart, see {@link #RAW_SIG_VERIFIER}) or the rest; the rest is
 * attributed to the innermost allkiri method on the stack and to the library of the innermost
 * frame (where the CPU actually went), and counted inclusively for every allkiri class on it
 * (lambdas' hidden classes left out, as {@code jfr print} leaves them out). Samples show Java code
 * only: the JIT compiler's and the GC's threads are not in them.
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=warm.jfr,settings=profile -XX:FlightRecorderOptions=stackdepth=256 \
 *      -jar bench/target/allkiri-bench.jar warm --rounds 30
 * java -jar bench/target/allkiri-bench.jar stacks warm.jfr [--from INSTANT] [--to INSTANT] [--exclude PREFIX] [--top N]
 * </pre>
 */
final class ProfileStacks {

    /**
     * bcpkix's verifier for a content verifier provider made from a key or certificate: its
     * {@code verify} verifies, then calls {@code verify} on a second, raw signature object and drops
     * the result (for PKCS#11 sessions), so every OCSP response and CMS signature verified through
     * it costs a second public-key operation.
     */
    private static final String RAW_SIG_VERIFIER = "org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder$RawSigVerifier";

    private ProfileStacks() {
    }

    /** What one sample counts for. */
    private record Sample(String thread, String part, String allkiriMethod, String library, Set<String> allkiriClasses) {
    }

    public static void main(String[] args) throws Exception {
        Path file = null;
        Instant from = Instant.MIN;
        Instant to = Instant.MAX;
        String exclude = "bench-floor-";
        int top = 15;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--from" -> from = Instant.parse(args[++i]);
                case "--to" -> to = Instant.parse(args[++i]);
                case "--exclude" -> exclude = args[++i];
                case "--top" -> top = Integer.parseInt(args[++i]);
                default -> file = Path.of(args[i]);
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("usage: stacks FILE.jfr [--from INSTANT] [--to INSTANT] [--exclude PREFIX] [--top N]");
        }
        Map<String, Integer> threads = new LinkedHashMap<>();
        Map<String, Integer> parts = new LinkedHashMap<>();
        Map<String, Integer> publicKeyBy = new LinkedHashMap<>();
        Map<String, Integer> methods = new LinkedHashMap<>();
        Map<String, Integer> libraries = new LinkedHashMap<>();
        Map<String, Integer> classes = new LinkedHashMap<>();
        int all = 0;
        int truncated = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStartTime().isBefore(from)
                    || e.getStartTime().isAfter(to) || e.getStackTrace() == null) {
                continue;
            }
            String thread = e.getThread("sampledThread").getJavaName();
            if (thread == null || thread.startsWith(exclude)) {
                continue;
            }
            truncated += e.getStackTrace().isTruncated() ? 1 : 0;
            Sample s = classify(thread, e.getStackTrace());
            all++;
            threads.merge(s.thread(), 1, Integer::sum);
            parts.merge(s.part(), 1, Integer::sum);
            if (s.part().startsWith("public-key")) {
                publicKeyBy.merge(s.part() + " <- " + s.allkiriMethod(), 1, Integer::sum);
            } else {
                methods.merge(s.allkiriMethod(), 1, Integer::sum);
                libraries.merge(s.library(), 1, Integer::sum);
                s.allkiriClasses().forEach(c -> classes.merge(c, 1, Integer::sum));
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d execution samples from %s to %s, threads not starting with '%s' "
                + "(%d stacks truncated)%n", file, all, from, to, exclude, truncated);
        print("threads", threads, all, top);
        print("public-key work or not (share of all samples)", parts, all, top);
        print("public-key work by the innermost allkiri method", publicKeyBy, all, top);
        print("the rest by the innermost allkiri method (share of all samples)", methods, all, top);
        print("the rest by the library of the innermost frame", libraries, all, top);
        print("the rest, inclusive, by allkiri class on the stack", classes, all, top);
    }

    private static Sample classify(String thread, RecordedStackTrace stack) {
        List<RecordedFrame> frames = stack.getFrames(); // innermost first
        String part = "rest";
        String allkiri = null;
        Set<String> allkiriClasses = new HashSet<>();
        for (int i = 0; i < frames.size(); i++) {
            RecordedFrame f = frames.get(i);
            String type = f.getMethod().getType().getName();
            String method = f.getMethod().getName();
            if (part.equals("rest") && type.equals("java.security.Signature")) {
                part = method.equals("initVerify") ? "public-key: key set-up (Signature.initVerify)"
                        : method.equals("verify") && i + 1 < frames.size() && frames.get(i + 1).getMethod().getType().getName()
                        .equals(RAW_SIG_VERIFIER) ? "public-key: Bouncy Castle's second, discarded verification (" + RAW_SIG_VERIFIER
                        .substring(RAW_SIG_VERIFIER.lastIndexOf('.') + 1) + ".verify calls rawSignature.verify)"
                        : method.equals("update") || method.equals("verify")
                        ? "public-key: verification (Signature.update, Signature.verify)" : part;
            }
            if (type.startsWith("ee.allkiri.") && !type.startsWith("ee.allkiri.bench.") && !f.getMethod().isHidden()) {
                String simple = type.substring(type.lastIndexOf('.') + 1);
                if (allkiri == null) {
                    allkiri = simple + "." + method;
                }
                allkiriClasses.add(simple);
            }
        }
        String library = frames.isEmpty() ? "(no frames)" : library(frames.get(0).getMethod().getType().getName());
        String group = thread.replaceAll("-?\\d+$", "");
        return new Sample(group, part, allkiri == null ? "(no allkiri frame)" : allkiri, library, allkiriClasses);
    }

    static String library(String type) {
        if (type.startsWith("org.bouncycastle.")) {
            return "Bouncy Castle (" + segment(type, 3) + ")";
        }
        if (type.startsWith("eu.europa.esig.dss.")) {
            return "DSS";
        }
        if (type.startsWith("org.apache.xml.security.")) {
            return "Santuario (xmlsec)";
        }
        if (type.startsWith("com.sun.org.apache.xerces.") || type.startsWith("com.sun.org.apache.xml.")
                || type.startsWith("javax.xml.") || type.startsWith("jdk.xml.") || type.startsWith("org.w3c.")
                || type.startsWith("org.xml.")) {
            return "JDK XML (Xerces, DOM)";
        }
        if (type.startsWith("com.fasterxml.jackson.")) {
            return "Jackson";
        }
        if (type.startsWith("ee.allkiri.")) {
            return "allkiri (own code)";
        }
        if (type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.") || type.startsWith("sun.")
                || type.startsWith("com.sun.")) {
            return "JDK (" + segment(type, type.startsWith("java.util.") || type.startsWith("sun.security.") ? 3 : 2) + ")";
        }
        return segment(type, 2);
    }

    private static String segment(String type, int parts) {
        String[] p = type.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(p, Math.min(parts, p.length - 1)));
    }

    private static void print(String title, Map<String, Integer> counts, int all, int top) {
        System.out.printf(Locale.ROOT, "%n%s:%n", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %6d  %s%n", 100.0 * e.getValue() / all,
                        e.getValue(), e.getKey()));
    }
}
