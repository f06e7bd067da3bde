package ee.allkiri.core.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The little DER reading core needs (certificate policy OIDs), so that core depends on no
 * ASN.1 library. Lenient only in what it ignores; it never reads past its input.
 */
final class Der {

    private static final int SEQUENCE = 0x30;
    private static final int OCTET_STRING = 0x04;
    private static final int OID = 0x06;

    private final byte[] data;
    private int pos;
    private final int end;

    private Der(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    /** A TLV: its tag and the bounds of its content. */
    private record Tlv(int tag, int start, int end) {
    }

    private Tlv next() {
        if (pos + 2 > end) {
            throw new IllegalArgumentException("truncated DER");
        }
        int tag = data[pos++] & 0xff;
        int length = data[pos++] & 0xff;
        if (length > 0x80) {
            int count = length - 0x80;
            if (count > 4 || pos + count > end) {
                throw new IllegalArgumentException("bad DER length");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (data[pos++] & 0xff);
            }
        } else if (length == 0x80) {
            throw new IllegalArgumentException("indefinite length");
        }
        if (length < 0 || pos + length > end) {
            throw new IllegalArgumentException("DER content past the end");
        }
        Tlv tlv = new Tlv(tag, pos, pos + length);
        pos += length;
        return tlv;
    }

    private boolean hasMore() {
        return pos < end;
    }

    /**
     * The policy identifiers of a certificatePolicies extension as returned by
     * {@code X509Certificate.getExtensionValue("2.5.29.32")} (an OCTET STRING around the DER).
     */
    static List<String> policyOids(byte[] extensionValue) {
        List<String> out = new ArrayList<>();
        Der outer = new Der(extensionValue, 0, extensionValue.length);
        Tlv octets = outer.next();
        if (octets.tag() != OCTET_STRING) {
            throw new IllegalArgumentException("extension value is not an OCTET STRING");
        }
        Der inner = new Der(extensionValue, octets.start(), octets.end());
        Tlv policies = inner.next();
        if (policies.tag() != SEQUENCE) {
            throw new IllegalArgumentException("certificatePolicies is not a SEQUENCE");
        }
        Der list = new Der(extensionValue, policies.start(), policies.end());
        while (list.hasMore()) {
            Tlv info = list.next();
            Der policy = new Der(extensionValue, info.start(), info.end());
            Tlv oid = policy.next();
            if (oid.tag() == OID) {
                out.add(oidString(extensionValue, oid.start(), oid.end()));
            }
        }
        return out;
    }

    static String oidString(byte[] data, int start, int end) {
        StringBuilder sb = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (int i = start; i < end; i++) {
            int b = data[i] & 0xff;
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                if (first) {
                    int arc = value < 80 ? (int) (value / 40) : 2;
                    sb.append(arc).append('.').append(value - arc * 40L);
                    first = false;
                } else {
                    sb.append('.').append(value);
                }
                value = 0;
            }
        }
        return sb.toString();
    }
}
