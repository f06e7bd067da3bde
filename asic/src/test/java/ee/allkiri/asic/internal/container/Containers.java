package ee.allkiri.asic.internal.container;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.zip.RawZip;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** Small helpers shared by the container tests. */
final class Containers {

    static final ContainerReader READER = new ContainerReader(ContainerLimits.DEFAULT);

    private Containers() {
    }

    static ParsedContainer read(RawZip zip) {
        return READER.read(zip.toBytes());
    }

    static ParsedContainer read(RawZip zip, ContainerLimits limits) {
        return new ContainerReader(limits).read(zip.toBytes());
    }

    static List<FindingCode> codes(ParsedContainer container) {
        return container.findings().stream().map(Finding::code).toList();
    }

    static List<FindingCode> codes(RawZip zip) {
        return codes(read(zip));
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static Path fixture(String name) {
        return ee.allkiri.asic.Fixtures.container(name);
    }
}
