package ee.allkiri.ocsp.testing;

import ee.allkiri.testkit.pki.Authority;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.Personas;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.testkit.service.OpensslResponder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The online tests' CA: the testkit PKI's ESTEID2018-like CA (its epoch now), a good and a
 * revoked ID-card signer, and OpenSSL's {@code openssl ocsp} answering for the CA as its
 * delegated responder, started on first use (the test then fails, naming openssl, when it is
 * missing). One per test class; close it when the class is done.
 */
public final class OnlineCa implements AutoCloseable {

    private final TestPki pki;
    private final Personas personas;
    private Path directory;
    private OpensslResponder responder;

    public OnlineCa() {
        this.pki = TestPki.builder().seed(6960).epoch(Instant.now().truncatedTo(ChronoUnit.SECONDS)).build();
        this.personas = new Personas(pki);
    }

    public TestPki pki() {
        return pki;
    }

    /** Signers of the PKI (see {@link Personas}). */
    public Personas personas() {
        return personas;
    }

    public Authority ca() {
        return pki.esteid2018();
    }

    /** A signer the responder knows as good. */
    public Persona good() {
        return personas.idCard();
    }

    /** A signer the responder knows as revoked, 30 days before now. */
    public Persona revoked() {
        return personas.revoked();
    }

    /** The responder's URL, starting it on first use. */
    public synchronized URI url() throws IOException, InterruptedException {
        if (responder == null) {
            ExternalTool.require("openssl", "openssl");
            directory = Files.createTempDirectory("allkiri-openssl-ocsp-");
            responder = OpensslResponder.start(directory, ca(), pki.ocspResponder(ca()), List.of(good(), revoked()), 5);
        }
        return responder.url();
    }

    /** Stops the responder, if it was started, and removes its files. */
    @Override
    public synchronized void close() {
        if (responder == null) {
            return;
        }
        responder.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        responder = null;
    }
}
