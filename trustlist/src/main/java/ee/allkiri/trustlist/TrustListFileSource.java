package ee.allkiri.trustlist;

import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.trustlist.internal.DssListLoader;
import ee.allkiri.trustlist.internal.ListXml;
import ee.allkiri.trustlist.internal.LoadedLists;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/**
 * Trust from one trusted list XML file on disk: a national list (TSL) or a list of lists
 * (LOTL). A list of lists' pointers are resolved offline to files in the same directory
 * named as the last segment of each pointer's location (so {@code https://host/EE_T.xml} is
 * read from {@code EE_T.xml} beside it); a pointer with no such file fails the load.
 *
 * <p>The file's signature must verify with one of the pinned signer certificates; there is no
 * unpinned mode. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class TrustListFileSource implements TrustSource {

    private final Path file;
    private final List<X509Certificate> signers;

    /**
     * @param file    the list's XML
     * @param signers certificates the list must be signed with; at least one
     */
    public TrustListFileSource(Path file, List<X509Certificate> signers) {
        this.file = file;
        this.signers = List.copyOf(signers);
        if (this.signers.isEmpty()) {
            throw new IllegalArgumentException("a trusted list needs at least one pinned signer certificate: " + file);
        }
    }

    @Override
    public TrustMaterial load() throws IOException {
        String rootUrl = file.toAbsolutePath().normalize().toUri().toString();
        byte[] rootBytes = Files.readAllBytes(file);
        ListXml.read(rootBytes, file.toString());
        Path dir = file.toAbsolutePath().normalize().getParent();
        LoadedLists loaded = DssListLoader.load(rootUrl, signers, Set.of(), url -> {
            if (url.equals(rootUrl)) {
                return rootBytes;
            }
            return Files.readAllBytes(sibling(dir, url));
        });
        return new TrustMaterial(Certificates.distinct(loaded.services()), loaded.lists(), describe());
    }

    @Override
    public String describe() {
        return "trusted list " + file;
    }

    static Path sibling(Path dir, String url) throws IOException {
        String path = URI.create(url).getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.equals("..") || name.equals(".")) {
            throw new IOException("cannot map " + url + " to a file beside the list");
        }
        Path sibling = dir.resolve(name);
        if (!Files.isRegularFile(sibling)) {
            throw new IOException("the list points to " + url + " but " + sibling + " does not exist");
        }
        return sibling;
    }
}
