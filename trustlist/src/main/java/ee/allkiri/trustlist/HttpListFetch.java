package ee.allkiri.trustlist;

import ee.allkiri.core.internal.BoundedHttp;
import ee.allkiri.trustlist.internal.ListFetch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;

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
        return BoundedHttp.body(client, request, maxBytes, requestTimeout);
    }
}
