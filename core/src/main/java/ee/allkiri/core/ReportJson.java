package ee.allkiri.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The JSON form of reports (DESIGN.md's contract): instants as ISO-8601 strings, nulls
 * written out, properties in a fixed order. The mapper is immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ReportJson() {
    }

    /** A writer with the report settings (immutable, thread-safe). */
    public static ObjectWriter writer() {
        return MAPPER.writer();
    }

    /** A reader with the report settings (immutable, thread-safe). */
    public static ObjectReader reader() {
        return MAPPER.reader();
    }

    public static String write(Object report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Object report, OutputStream out) throws IOException {
        MAPPER.writeValue(out, report);
    }

    /** The report as a JSON tree, for formats that extend it. */
    public static com.fasterxml.jackson.databind.node.ObjectNode tree(Object report) {
        return MAPPER.valueToTree(report);
    }

    public static VerificationReport read(String json) {
        try {
            return MAPPER.readValue(json, VerificationReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
