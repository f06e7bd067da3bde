package ee.allkiri.bench;

import ee.allkiri.testkit.interop.Undersign;
import ee.allkiri.testkit.pki.KeyCache;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.PersonaSpec;
import ee.allkiri.testkit.pki.PersonalCodes;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.testkit.service.LoopbackServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A bundle signed by the real npm {@code undersign} as rahvaalgatus signs (as
 * {@code UndersignInteropTest} makes its 1,001-signature bundle): one document, N people (half
 * ID-card, a quarter Mobile-ID, a quarter Smart-ID) of a testkit PKI whose epoch is now, the
 * time-stamps and OCSP responses from the PKI's loopback services. Writes {@code undersign.asice}
 * and the PKI's trust anchors as PEM files in {@code trust/}.
 */
record UndersignBundle(Path container, Path trust) {

    static final byte[] INITIATIVE = "<!DOCTYPE html>\n<html><body><h1>Algatus</h1></body></html>\n"
            .getBytes(StandardCharsets.UTF_8);

    /** The bundle in {@code dir} when a previous run made one of the same size, else a new one. */
    static UndersignBundle in(Path dir, int signers, Path undersignDirectory) throws IOException, InterruptedException {
        Path container = dir.resolve("undersign.asice");
        Path trust = dir.resolve("trust");
        Path size = dir.resolve("signers.txt");
        if (Files.isRegularFile(container) && Files.isDirectory(trust) && Files.isRegularFile(size)
                && Files.readString(size).trim().equals(Integer.toString(signers))) {
            return new UndersignBundle(container, trust);
        }
        Files.createDirectories(dir);
        Files.deleteIfExists(size);
        TestPki pki = TestPki.builder().seed(5).epoch(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .keys(new KeyCache(new BouncyCastleProvider())).build();
        List<Persona> people = new ArrayList<>();
        for (int i = 0; i < signers; i++) {
            String code = PersonalCodes.of(LocalDate.of(1950 + i % 50, 1 + i % 12, 1 + i % 28), i % 2 == 0, i % 1000);
            PersonaSpec spec = switch (i % 4) {
                case 0, 1 -> PersonaSpec.idCard("Signer", "Number" + i, code);
                case 2 -> PersonaSpec.mobileId("Signer", "Number" + i, code);
                default -> PersonaSpec.smartId("Signer", "Number" + i, code);
            };
            people.add(pki.persona(spec));
        }
        Undersign.unavailable().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        long start = System.nanoTime();
        Path signed;
        try (LoopbackServices services = LoopbackServices.start(pki, Clock.systemUTC())) {
            signed = new Undersign(undersignDirectory).sign(pki, services,
                    Undersign.Document.of("initiative.html", "text/html", INITIATIVE), people, dir.resolve("work"), 8);
        }
        Files.move(signed, container, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        deleteTree(dir.resolve("work"));
        deleteTree(trust);
        pki.writeTrust(trust);
        Files.writeString(size, signers + "\n");
        System.out.printf(java.util.Locale.ROOT, "undersign signed %d signatures in %.1f s: %s%n", signers,
                (System.nanoTime() - start) / 1e9, container);
        return new UndersignBundle(container, trust);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
