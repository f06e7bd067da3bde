package ee.allkiri.testkit.bundle;

import ee.allkiri.testkit.forge.AsicWriter;
import ee.allkiri.testkit.forge.Manifest;
import ee.allkiri.testkit.pki.KeyCache;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.IdStyle;
import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.SignatureSpec;
import ee.allkiri.testkit.xades.Tamper;
import ee.allkiri.testkit.xades.XadesSigner;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Forges one ASiC-E in rahvaalgatus' export layout ({@code mimetype} STORED first,
 * {@code initiative.html}, {@code META-INF/signatures-1.xml ... -N.xml} written the way
 * undersign writes them, {@code META-INF/manifest.xml}) with N signers mixing ID-card, digi-ID,
 * Mobile-ID and Smart-ID, optional planted defects, and beside it the answer key (CSV), the
 * trust anchors (PEM) and the bundle's description (the initiative's digest, window and minimum
 * age). Everything follows from the seed: the same spec gives the same bytes.
 *
 * <p>Signatures are made in parallel, a batch at a time, and streamed to the file in order.
 *
 * @since 0.1.0
 */
public final class BundleForge {

    /** The initiative's file name in the container. */
    public static final String DOCUMENT = "initiative.html";

    private static final int BATCH = 512;

    /** The files written for one bundle, the answer key and how long it took. */
    public record Result(Path container, Path answerKey, Path trust, Path description, List<AnswerKeyRow> rows,
                         DataFile document, Duration elapsed) {
    }

    private BundleForge() {
    }

    /** The initiative text of a seed. */
    public static DataFile document(long seed) {
        String html = "<!DOCTYPE html>\n<html lang=\"et\"><head><meta charset=\"utf-8\"><title>Algatus " + seed
                + "</title></head>\n<body><h1>Rahvaalgatus nr " + seed + "</h1>\n<p>Teeme ettepaneku muuta seadust nii, "
                + "et allkirjade kontroll oleks avalik ja korratav.</p></body></html>\n";
        return DataFile.of(DOCUMENT, "text/html", html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Forges the bundle into {@code out} and writes beside it {@code <base>.answer-key.csv},
     * {@code <base>.trust/} and {@code <base>.bundle.properties}, where base is the file name
     * without its extension.
     */
    public static Result write(BundleSpec spec, Path out) throws IOException {
        return write(spec, out, new KeyCache(new BouncyCastleProvider()));
    }

    /** The same, generating keys through a cache shared with other PKIs of the run. */
    public static Result write(BundleSpec spec, Path out, KeyCache keys) throws IOException {
        long start = System.nanoTime();
        TestPki pki = TestPki.builder().seed(spec.seed()).epoch(spec.epoch()).keys(keys).build();
        XadesSigner signer = new XadesSigner(pki);
        DataFile document = document(spec.seed());
        List<BundlePlan.Entry> plan = BundlePlan.plan(spec);
        List<AnswerKeyRow> rows = new ArrayList<>(plan.size());
        Path absolute = out.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        ForkJoinPool pool = new ForkJoinPool(spec.threads());
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(absolute), 1 << 16);
             AsicWriter asic = new AsicWriter(file)) {
            asic.add(DOCUMENT, document.content());
            for (int from = 0; from < plan.size(); from += BATCH) {
                int to = Math.min(plan.size(), from + BATCH);
                List<SignatureSpec> specs = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    specs.add(signatureSpec(pki, spec, document, plan.get(i)));
                }
                List<byte[]> signatures = pool.submit(() -> IntStream.range(0, specs.size()).parallel()
                        .mapToObj(k -> signer.sign(specs.get(k))).toList()).get();
                for (int k = 0; k < signatures.size(); k++) {
                    String name = "META-INF/signatures-" + (from + k + 1) + ".xml";
                    asic.add(name, signatures.get(k));
                    rows.add(BundlePlan.answer(name, plan.get(from + k), specs.get(k).effectiveTimestampTime()));
                }
            }
            asic.add("META-INF/manifest.xml", Manifest.of(List.of(document)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("signing failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        String base = baseName(absolute);
        Path answerKey = absolute.resolveSibling(base + ".answer-key.csv");
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(AnswerKeyRow.HEADER);
        rows.forEach(r -> lines.add(r.csv()));
        Files.write(answerKey, lines, StandardCharsets.UTF_8);
        Path trust = pki.writeTrust(absolute.resolveSibling(base + ".trust"));
        Path description = absolute.resolveSibling(base + ".bundle.properties");
        List<String> properties = new ArrayList<>(List.of(
                "# forged by allkiri testkit; the audit parameters of this bundle",
                "seed=" + spec.seed(),
                "signers=" + rows.size(),
                "document=" + DOCUMENT,
                "document_sha256=" + HexFormat.of().formatHex(document.sha256()),
                "window_from=" + spec.windowFrom(),
                "window_until=" + spec.windowUntil()));
        if (spec.probes()) {
            properties.add("window_first_day=" + spec.firstDay());
            properties.add("window_last_day=" + spec.lastDay());
        }
        properties.addAll(List.of(
                "min_age=" + spec.minAge(),
                "epoch=" + spec.epoch(),
                "trust=" + trust.getFileName(),
                "answer_key=" + answerKey.getFileName(), ""));
        Files.writeString(description, String.join("\n", properties), StandardCharsets.UTF_8);
        return new Result(absolute, answerKey, trust, description, List.copyOf(rows), document,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static SignatureSpec signatureSpec(TestPki pki, BundleSpec spec, DataFile document, BundlePlan.Entry entry) {
        SignatureSpec.Builder b = SignatureSpec.builder(pki.persona(entry.persona()), List.of(document))
                .level(Level.LT)
                .style(IdStyle.UNDERSIGN)
                .signingTime(entry.signingTime());
        if (entry.timestamp() != null) {
            b.timestampTime(entry.timestamp());
        }
        if (!spec.timestampC14n()) {
            b.withoutTimestampC14n();
        }
        if (entry.defect() == PlantedDefect.INVALID_SIGNATURE) {
            b.tamper(Tamper.SIGNATURE_VALUE);
        }
        return b.build();
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
