package ee.allkiri.trustlist;

import ee.allkiri.trustlist.internal.ListFetch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads lists over HTTP(S) with {@code java.net.http}: a connect timeout, one deadline
 * for the whole exchange (headers and body: a server that drips bytes is cut off too), a size
 * cap enforced while reading, status 200 only, and a body whose length matches its
 * {@code Content-Length}. Redirects are followed except from HTTPS to HTTP. Thread-safe.
 */
final class HttpListFetch implements ListFetch {

    private final HttpClient client;
    private final Duration requestTimeout;
    private final long maxBytes;

    HttpListFetch(Duration connectTimeout, Duration requestTimeout, long maxBytes) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.requestTimeout = requestTimeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public byte[] fetch(String url) throws IOException {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IOException("only http and https lists can be downloaded: " + url);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET()
                .header("Accept", "application/vnd.etsi.tsl+xml, application/xml, text/xml").build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> new Capped(maxBytes, url));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException("downloading " + url + " took longer than " + requestTimeout, e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException("downloading " + url + " failed: " + cause, cause);
        }
        if (response.statusCode() != 200) {
            throw new IOException("downloading " + url + " gave HTTP status " + response.statusCode());
        }
        byte[] bytes = response.body();
        OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
        if (declared.isPresent() && declared.getAsLong() != bytes.length) {
            throw new IOException("download of " + url + " was cut short: " + bytes.length + " of " + declared.getAsLong()
                    + " bytes");
        }
        return bytes;
    }

    /** Collects a body, failing as soon as it passes the cap. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final String url;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        Capped(long max, String url) {
            this.max = max;
            this.url = url;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                if (out.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException(url + " is larger than the cap of " + max + " bytes"));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error instanceof IOException ? error : new IOException(error));
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
