package ee.allkiri.core.audit;

import java.util.Objects;

/**
 * Which signature of an audit: the container's path (as in {@link ee.allkiri.core.ContainerReport#path()})
 * and the signature's file inside it ({@link ee.allkiri.core.SignatureReport#file()}).
 *
 * @param container the container path
 * @param file      the signature file, e.g. {@code META-INF/signatures3.xml}
 * @since 0.1.0
 */
public record SignatureKey(String container, String file) {

    public SignatureKey {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(file, "file");
    }
}
