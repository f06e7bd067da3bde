package ee.allkiri.testkit.xades;

import static ee.allkiri.testkit.Identifiers.EXC_C14N;
import static ee.allkiri.testkit.xades.XadesSigner.base64;
import static ee.allkiri.testkit.xades.XmlNode.el;

import ee.allkiri.testkit.service.TimeStampAuthority;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;

/**
 * Content time-stamps (ETSI EN 319 132-1 5.2.8): signed properties that prove the data existed
 * before the signature. Each is a {@link SigningHook} that adds the time-stamp to
 * xades:SignedDataObjectProperties before SignedProperties is digested.
 *
 * @since 0.1.0
 */
public final class ContentTimestamps {

    private ContentTimestamps() {
    }

    /**
     * An xades:AllDataObjectsTimeStamp over the signed files: its imprint is the SHA-256 of the
     * files' contents concatenated in reference order (EN 319 132-1 5.2.8.1; no transforms).
     */
    public static SigningHook allDataObjects(TimeStampAuthority tsa, Instant genTime) {
        return allDataObjects(tsa, genTime, null);
    }

    /**
     * An xades:AllDataObjectsTimeStamp over other bytes than the signed files' (a content
     * time-stamp that does not match the data), or over the files when {@code stamped} is null.
     */
    public static SigningHook allDataObjects(TimeStampAuthority tsa, Instant genTime, byte[] stamped) {
        return new SigningHook() {
            @Override
            public void signedProperties(XmlNode signedProperties, SignatureSpec spec) {
                byte[] data = stamped != null ? stamped : concatenated(spec.files());
                add(signedProperties, spec, tsa.token(DataFile.sha256(data), genTime));
            }
        };
    }

    /** An xades:AllDataObjectsTimeStamp holding the given token as it is (e.g. a damaged one). */
    public static SigningHook allDataObjects(byte[] token) {
        return new SigningHook() {
            @Override
            public void signedProperties(XmlNode signedProperties, SignatureSpec spec) {
                add(signedProperties, spec, token);
            }
        };
    }

    private static void add(XmlNode signedProperties, SignatureSpec spec, byte[] token) {
        signedProperties.child("xades:SignedDataObjectProperties").add(
                el("xades:AllDataObjectsTimeStamp").attr("Id", "CTS-" + spec.id()).add(
                        el("ds:CanonicalizationMethod").attr("Algorithm", EXC_C14N),
                        el("xades:EncapsulatedTimeStamp", base64(token))));
    }

    /** The files' contents, concatenated in order. */
    public static byte[] concatenated(List<DataFile> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (DataFile file : files) {
            out.writeBytes(file.content());
        }
        return out.toByteArray();
    }
}
