package ee.allkiri.ocsp;

import ee.allkiri.core.FindingCode;
import ee.allkiri.core.internal.BoundedHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * One OCSP exchange over HTTP (RFC 6960 A.1): POST the request, read at most the size cap,
 * and give up after the read timeout, whatever the responder does. Thread-safe.
 */
final class OcspHttp {

    /** Why the exchange gave no response bytes. */
    static final class Failure extends Exception {
        private final FindingCode code;

        Failure(FindingCode code, String message) {
            super(message);
            this.code = code;
        }

        FindingCode code() {
            return code;
        }
    }

    private final HttpClient client;
    private final Duration readTimeout;
    private final int maxResponseSize;

    OcspHttp(Duration connectTimeout, Duration readTimeout, int maxResponseSize) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.readTimeout = readTimeout;
        this.maxResponseSize = maxResponseSize;
    }

    /** POSTs the request and returns the response body. */
    byte[] post(URI url, byte[] request) throws Failure {
        HttpRequest http = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Content-Type", "application/ocsp-request")
                .header("Accept", "application/ocsp-response")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                .build();
        try {
            return BoundedHttp.body(client, http, maxResponseSize, readTimeout);
        } catch (BoundedHttp.Failure e) {
            FindingCode code = e.problem() == BoundedHttp.Problem.TOO_LARGE
                    ? FindingCode.OCSP_RESPONSE_TOO_LARGE : FindingCode.REVOCATION_UNAVAILABLE;
            throw new Failure(code, e.getMessage());
        }
    }
}
