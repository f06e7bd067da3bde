package ee.allkiri.asic.internal.xades;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** Turns a reference URI into the container entry name it denotes. Stateless. */
public final class UriNames {

    private UriNames() {
    }

    /**
     * Percent-decodes a URI reference (RFC 3986 2.1) as UTF-8. A '+' stays a '+'. Returns
     * null for a malformed escape or invalid UTF-8.
     */
    public static String decode(String uri) {
        if (uri.indexOf('%') < 0) {
            return uri;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(uri.length());
        byte[] raw = uri.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%') {
                if (i + 2 >= raw.length) {
                    return null;
                }
                int hi = Character.digit(raw[i + 1], 16);
                int lo = Character.digit(raw[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(raw[i]);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
