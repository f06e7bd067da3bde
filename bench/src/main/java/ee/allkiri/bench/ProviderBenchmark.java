package ee.allkiri.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Signature verification speed of the crypto providers a verifier could use: Bouncy Castle (what
 * allkiri uses), the JDK's own (SunEC, SunRsaSign) and Conscrypt (BoringSSL through JNI; the
 * bench's class path has {@code org.conscrypt:conscrypt-openjdk-uber}). For each key type
 * allkiri meets (P-256, P-384 and P-521 ECDSA, RSA 2048 and 4096) it prints
 *
 * <ul>
 *   <li>warm: verifications per second on one thread, in this JVM, after a warm-up;</li>
 *   <li>cold: in fresh JVMs (median of N), the time to make the provider, then the first
 *       verification (key conversion, class loading, interpreted code), then 100 more.</li>
 * </ul>
 *
 * <pre>
 * java -jar bench/target/allkiri-bench.jar providers [--cold-runs N] [--seconds S] [--providers BC,JDK,Conscrypt]
 * </pre>
 */
final class ProviderBenchmark {

    /** A key type, its signature algorithm and how to make a key pair of it. */
    enum Kind {
        P256("EC", "SHA256withECDSA", "secp256r1", 0),
        P384("EC", "SHA384withECDSA", "secp384r1", 0),
        P521("EC", "SHA512withECDSA", "secp521r1", 0),
        RSA2048("RSA", "SHA256withRSA", null, 2048),
        RSA4096("RSA", "SHA256withRSA", null, 4096);

        final String keyAlgorithm;
        final String signatureAlgorithm;
        final String curve;
        final int bits;

        Kind(String keyAlgorithm, String signatureAlgorithm, String curve, int bits) {
            this.keyAlgorithm = keyAlgorithm;
            this.signatureAlgorithm = signatureAlgorithm;
            this.curve = curve;
            this.bits = bits;
        }
    }

    /** A signed message of one kind: the public key (X.509 DER), the message, the signature. */
    record Sample(Kind kind, byte[] publicKey, byte[] message, byte[] signature) {
        static Sample make(Kind kind) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(kind.keyAlgorithm);
            if (kind.curve != null) {
                generator.initialize(new ECGenParameterSpec(kind.curve));
            } else {
                generator.initialize(new RSAKeyGenParameterSpec(kind.bits, RSAKeyGenParameterSpec.F4));
            }
            KeyPair pair = generator.generateKeyPair();
            byte[] message = ("<ds:SignedInfo>" + kind + "</ds:SignedInfo>").repeat(20).getBytes(StandardCharsets.UTF_8);
            return new Sample(kind, pair.getPublic().getEncoded(), message, sign(kind, pair.getPrivate(), message));
        }

        private static byte[] sign(Kind kind, PrivateKey key, byte[] message) throws Exception {
            Signature s = Signature.getInstance(kind.signatureAlgorithm);
            s.initSign(key);
            s.update(message);
            return s.sign();
        }

        String line() {
            Base64.Encoder b = Base64.getEncoder();
            return kind + " " + b.encodeToString(publicKey) + " " + b.encodeToString(message) + " " + b.encodeToString(signature);
        }

        static Sample parse(String line) {
            String[] f = line.split(" ");
            Base64.Decoder b = Base64.getDecoder();
            return new Sample(Kind.valueOf(f[0]), b.decode(f[1]), b.decode(f[2]), b.decode(f[3]));
        }
    }

    private ProviderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--cold-child")) {
            coldChild(args[1], Path.of(args[2]), Kind.valueOf(args[3]));
            return;
        }
        int coldRuns = 5;
        double seconds = 3;
        List<String> providers = List.of("BC", "JDK", "Conscrypt");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cold-runs" -> coldRuns = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--providers" -> providers = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path samples = Files.createTempFile("allkiri-provider-samples", ".txt");
        List<Sample> all = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            all.add(Sample.make(kind));
        }
        Files.write(samples, all.stream().map(Sample::line).toList());
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; load average %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), CompareBenchmark.loadAverage());
        for (String name : providers) {
            Provider provider = provider(name);
            System.out.printf(Locale.ROOT, "%n%s (%s)%n", name, provider == null ? "the JDK's default providers: "
                    + java.security.Signature.getInstance("SHA256withECDSA").getProvider().getName() + ", "
                    + java.security.Signature.getInstance("SHA256withRSA").getProvider().getName()
                    : provider.getName() + " " + provider.getVersionStr());
            System.out.printf(Locale.ROOT, "  %-8s %14s %16s %16s %18s%n", "key", "warm verify/s", "cold: provider",
                    "cold: 1st verify", "cold: next 100");
            for (Sample sample : all) {
                double rate = warm(provider, sample, seconds);
                double[][] cold = new double[3][coldRuns];
                for (int r = 0; r < coldRuns; r++) {
                    double[] c = cold(name, samples, sample.kind());
                    for (int k = 0; k < 3; k++) {
                        cold[k][r] = c[k];
                    }
                }
                System.out.printf(Locale.ROOT, "  %-8s %14.0f %13.1f ms %13.1f ms %15.1f ms%n", sample.kind(), rate,
                        CompareBenchmark.median(cold[0]), CompareBenchmark.median(cold[1]), CompareBenchmark.median(cold[2]));
            }
        }
        System.out.printf(Locale.ROOT, "load average after: %s%n", CompareBenchmark.loadAverage());
        Files.deleteIfExists(samples);
    }

    static Provider provider(String name) throws Exception {
        return switch (name) {
            case "BC" -> new org.bouncycastle.jce.provider.BouncyCastleProvider();
            case "JDK" -> null;
            case "Conscrypt" -> (Provider) Class.forName("org.conscrypt.Conscrypt").getMethod("newProvider").invoke(null);
            default -> throw new IllegalArgumentException("unknown provider " + name + " (BC, JDK, Conscrypt)");
        };
    }

    /** The public key as the provider's own object, as allkiri's fast path keeps its CA keys. */
    static PublicKey key(Provider provider, Sample sample) throws Exception {
        KeyFactory factory = provider == null ? KeyFactory.getInstance(sample.kind().keyAlgorithm)
                : KeyFactory.getInstance(sample.kind().keyAlgorithm, provider);
        return factory.generatePublic(new X509EncodedKeySpec(sample.publicKey()));
    }

    static boolean verify(Provider provider, PublicKey key, Sample sample) throws Exception {
        Signature s = provider == null ? Signature.getInstance(sample.kind().signatureAlgorithm)
                : Signature.getInstance(sample.kind().signatureAlgorithm, provider);
        s.initVerify(key);
        s.update(sample.message());
        return s.verify(sample.signature());
    }

    private static double warm(Provider provider, Sample sample, double seconds) throws Exception {
        PublicKey key = key(provider, sample);
        long warmUntil = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warmUntil) {
            check(verify(provider, key, sample));
        }
        long start = System.nanoTime();
        long until = start + (long) (seconds * 1e9);
        long n = 0;
        while (System.nanoTime() < until) {
            check(verify(provider, key, sample));
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static double[] cold(String provider, Path samples, Kind kind) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        Process process = new ProcessBuilder(java, "-cp", classPath, ProviderBenchmark.class.getName(), "--cold-child",
                provider, samples.toString(), kind.name()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("cold run failed: " + out);
        }
        String[] f = out.split(" ");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    }

    /** In a fresh JVM: milliseconds to make the provider, for the first verification, for 100 more. */
    private static void coldChild(String name, Path samples, Kind kind) throws Exception {
        Sample sample = Files.readAllLines(samples).stream().map(Sample::parse).filter(s -> s.kind() == kind).findFirst()
                .orElseThrow();
        long t0 = System.nanoTime();
        Provider provider = provider(name);
        long t1 = System.nanoTime();
        PublicKey key = key(provider, sample);
        check(verify(provider, key, sample));
        long t2 = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            check(verify(provider, key, sample));
        }
        long t3 = System.nanoTime();
        System.out.println((t1 - t0) / 1e6 + " " + (t2 - t1) / 1e6 + " " + (t3 - t2) / 1e6);
    }

    private static void check(boolean verified) {
        if (!verified) {
            throw new IllegalStateException("a good signature did not verify");
        }
    }

}
