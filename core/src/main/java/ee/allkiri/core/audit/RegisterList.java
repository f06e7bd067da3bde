package ee.allkiri.core.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The population register's answer to an audit's query: the personal codes it confirmed as
 * eligible, read from a UTF-8 text file with one code per line, for
 * {@link AuditPolicy#withResidents(Set)}. Blank lines are skipped, and so is everything from a
 * {@code #} to the end of its line (comments); a byte order mark and CRLF line ends are accepted.
 * Each code must be a valid Estonian personal code (eleven digits, or {@code PNOEE-} and eleven
 * digits, with a real birth date and the right check digit): a line that is not one is
 * {@link MalformedLineException}, never skipped. A code listed twice counts once.
 *
 * @param codes  the distinct codes, bare eleven digits
 * @param sha256 SHA-256 of the file's bytes, lower-case hex, for the report's provenance
 * @since 0.1.0
 */
public record RegisterList(Set<String> codes, String sha256) {

    public RegisterList {
        codes = Set.copyOf(codes);
    }

    /** A line of a register list that is not a valid Estonian personal code. */
    public static final class MalformedLineException extends IllegalArgumentException {
        private final int line;

        MalformedLineException(int line, String problem) {
            super("line " + line + ": " + problem);
            this.line = line;
        }

        /** The line's number, from 1. */
        public int line() {
            return line;
        }
    }

    /** Reads a register list file. */
    public static RegisterList read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    /**
     * Reads a register list's bytes.
     *
     * @throws MalformedLineException naming the first line that is neither blank, a comment nor a valid
     *                                Estonian personal code (or is not UTF-8)
     */
    public static RegisterList parse(byte[] content) {
        Set<String> codes = new HashSet<>();
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        int line = 0;
        while (start < content.length) {
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            line++;
            String text = utf8(content, start, end, line);
            int hash = text.indexOf('#');
            String code = (hash < 0 ? text : text.substring(0, hash)).strip();
            if (!code.isEmpty()) {
                try {
                    codes.add(AuditPolicy.residentCode(code));
                } catch (IllegalArgumentException e) {
                    throw new MalformedLineException(line, "'" + code + "' is not a valid Estonian personal code");
                }
            }
            start = end + 1;
        }
        return new RegisterList(codes, sha256(content));
    }

    private static String utf8(byte[] content, int start, int end, int line) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedLineException(line, "not UTF-8 text");
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
