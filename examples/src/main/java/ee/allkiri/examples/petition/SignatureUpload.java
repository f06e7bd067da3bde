package ee.allkiri.examples.petition;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import ee.allkiri.asic.ContainerContents;
import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.ReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code POST /initiatives/{id}/signatures}: the request body is one signed container (as
 * the signing page produced it); the answer is JSON (see {@link Answer}). Uploads larger than
 * the cap are refused with 413 before they are read, and a container with more than one signature
 * with 422 before it is verified (a 4 MiB upload can hold thousands of signatures, each costly to
 * verify); every failure is a JSON error body.
 * Stateless apart from its immutable configuration, so one instance serves all threads.
 */
final class SignatureUpload implements HttpHandler {

    static final String PREFIX = "/initiatives/";
    private static final String SUFFIX = "/signatures";
    private static final System.Logger LOG = System.getLogger(SignatureUpload.class.getName());
    private static final ObjectWriter JSON = ReportJson.writer();

    private final Verifier verifier;
    private final Map<String, Initiative> initiatives;
    private final long maxUploadBytes;
    private final boolean acceptTestCertificates;

    SignatureUpload(Verifier verifier, Map<String, Initiative> initiatives, long maxUploadBytes,
                    boolean acceptTestCertificates) {
        this.verifier = verifier;
        this.initiatives = Map.copyOf(initiatives);
        this.maxUploadBytes = maxUploadBytes;
        this.acceptTestCertificates = acceptTestCertificates;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer;
            try {
                answer = answer(exchange);
            } catch (IOException e) {
                answer = Answer.error(400, "UNREADABLE_UPLOAD", "the upload could not be read");
            } catch (RejectedExecutionException e) {
                exchange.getResponseHeaders().set("Retry-After", "5"); // every verifying thread busy, the queue full
                answer = Answer.error(503, "BUSY", "too many uploads are being verified; try again shortly");
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "upload failed", e);
                answer = Answer.error(500, "INTERNAL_ERROR", "the upload could not be verified");
            }
            send(exchange, answer);
        }
    }

    private Answer answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX) || path.length() <= PREFIX.length() + SUFFIX.length()) {
            return Answer.error(404, "NOT_FOUND", "POST a container to /initiatives/{id}/signatures");
        }
        String id = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        Initiative initiative = Initiative.isWellFormedId(id) ? initiatives.get(id) : null;
        if (initiative == null) {
            return Answer.error(404, "UNKNOWN_INITIATIVE", "no initiative with this id");
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            return Answer.error(405, "METHOD_NOT_ALLOWED", "POST the container");
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && declaredTooLarge(length)) {
            return tooLarge();
        }
        byte[] upload = readAtMost(exchange.getRequestBody(), maxUploadBytes + 1);
        if (upload.length > maxUploadBytes) {
            return tooLarge();
        }
        int signatures = signatureCount(upload);
        if (signatures > 1) {
            return Answer.notVerified(initiative, signatures);
        }
        ContainerReport report = verifier.verify(upload, "upload");
        return Answer.verdict(initiative, report, acceptTestCertificates);
    }

    /** How many signature files the upload has, read from its ZIP directory without verifying anything. */
    private static int signatureCount(byte[] upload) throws IOException {
        try (ContainerContents contents = ContainerContents.of(upload, ContainerLimits.DEFAULT)) {
            return contents.signatureFiles().size();
        }
    }

    private boolean declaredTooLarge(String length) {
        try {
            return Long.parseLong(length.strip()) > maxUploadBytes;
        } catch (NumberFormatException e) {
            return false; // the body read below is capped all the same
        }
    }

    private Answer tooLarge() {
        return Answer.error(413, "UPLOAD_TOO_LARGE", "a container may have at most " + maxUploadBytes + " bytes");
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 16));
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = JSON.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
