package ee.allkiri.trustlist.internal;

import java.io.IOException;

/** Gets the bytes of a list by its url: from a snapshot, a folder, or the network. */
@FunctionalInterface
public interface ListFetch {

    /**
     * @throws IOException when the list cannot be had; the load then fails
     */
    byte[] fetch(String url) throws IOException;
}
