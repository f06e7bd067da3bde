package ee.allkiri.trustlist;

import ee.allkiri.trustlist.internal.ListFetch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Downloads lists over HTTP(S) with {@code java.net.http}: a connect timeout, a timeout for
 * the whole response, a size cap, status 200 only, and a body whose length matches its
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
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("downloading " + url + " gave HTTP status " + response.statusCode());
            }
            OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
            if (declared.isPresent() && declared.getAsLong() > maxBytes) {
                throw new IOException(url + " is larger than the cap of " + maxBytes + " bytes");
            }
            byte[] bytes = readCapped(body, url);
            if (declared.isPresent() && declared.getAsLong() != bytes.length) {
                throw new IOException("download of " + url + " was cut short: " + bytes.length + " of "
                        + declared.getAsLong() + " bytes");
            }
            return bytes;
        }
    }

    private byte[] readCapped(InputStream in, String url) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new IOException(url + " is larger than the cap of " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
