package ee.allkiri.examples.petition;

import ee.allkiri.core.audit.AuditPolicy;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An initiative people sign: the document they sign (by its SHA-256) and the collection window.
 *
 * @param id             the initiative's id in URLs: 1 to 64 lower-case letters, digits and dashes
 * @param documentSha256 SHA-256 of the initiative document, lower-case hex
 * @param from           when signing opens, or null
 * @param until          the deadline, or null
 */
public record Initiative(String id, String documentSha256, Instant from, Instant until) {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");

    public Initiative {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an initiative id is 1 to 64 of a-z, 0-9 and '-': " + id);
        }
        // AuditPolicy checks the digest's form and the window's order.
        AuditPolicy.forDocument(documentSha256).withWindow(from, until);
    }

    /** An initiative on this document, open without a window. */
    public static Initiative of(String id, byte[] document) {
        return new Initiative(id, sha256(document), null, null);
    }

    /** The same initiative with a collection window (either end may be null). */
    public Initiative withWindow(Instant opens, Instant deadline) {
        return new Initiative(id, documentSha256, opens, deadline);
    }

    /** True when the id has the form initiative ids have. */
    static boolean isWellFormedId(String id) {
        return ID.matcher(id).matches();
    }

    /** The audit rules a signature on this initiative must pass. */
    AuditPolicy policy(boolean acceptTestCertificates) {
        AuditPolicy policy = AuditPolicy.forDocument(documentSha256).withWindow(from, until);
        return acceptTestCertificates ? policy.acceptingTestCertificates() : policy;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
