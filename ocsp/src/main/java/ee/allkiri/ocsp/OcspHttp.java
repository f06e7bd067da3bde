package ee.allkiri.ocsp;

import ee.allkiri.core.FindingCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(http, info -> new CappedBody(maxResponseSize,
                info.headers().firstValueAsLong("Content-Length").orElse(-1)));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(readTimeout.toMillis() + 100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new Failure(FindingCode.REVOCATION_UNAVAILABLE, url + " did not answer within " + readTimeout);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure(FindingCode.REVOCATION_UNAVAILABLE, "interrupted while asking " + url);
        } catch (ExecutionException e) {
            throw failure(url, e.getCause());
        }
        if (response.statusCode() != 200) {
            throw new Failure(FindingCode.REVOCATION_UNAVAILABLE, url + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private Failure failure(URI url, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && !(root instanceof TooLarge)) {
            root = root.getCause();
        }
        if (root instanceof TooLarge) {
            return new Failure(FindingCode.OCSP_RESPONSE_TOO_LARGE, url + " sent more than " + maxResponseSize + " bytes");
        }
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return new Failure(FindingCode.REVOCATION_UNAVAILABLE, url + " did not answer within the timeout: " + cause.getMessage());
        }
        String what = root.getMessage() == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": "
                + root.getMessage();
        return new Failure(FindingCode.REVOCATION_UNAVAILABLE, url + " could not be reached: " + what);
    }

    /** The body exceeded the cap. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("response too large");
        }
    }

    /** Collects the body, cancelling as soon as it would exceed the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final long declared;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedBody(int max, long declared) {
            this.max = max;
            this.declared = declared;
        }

        @Override
        public CompletableFuture<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            if (declared > max) {
                s.cancel();
                body.completeExceptionally(new TooLarge());
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if ((long) out.size() + item.remaining() > max) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            body.complete(out.toByteArray());
        }
    }
}
