package ee.allkiri.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** The README's embedding example: the first {@code java} block after its marker comment. */
public final class Readme {

    /** The comment that precedes the embedding example in README.md. */
    static final String MARKER = "<!-- The block below is examples/src/main/java/ee/allkiri/examples/QuickStart.java";
    private static final String FENCE = "```";

    private Readme() {
    }

    /** The embedding example's code, exactly as the README shows it. */
    public static String embeddingExample() throws IOException {
        String readme = Files.readString(Shared.root().resolve("README.md"), StandardCharsets.UTF_8);
        int marker = readme.indexOf(MARKER);
        if (marker < 0) {
            throw new IOException("README.md lost the marker before the embedding example");
        }
        int open = readme.indexOf(FENCE + "java\n", marker);
        int start = open + (FENCE + "java\n").length();
        int close = readme.indexOf("\n" + FENCE, start);
        if (open < 0 || close < 0) {
            throw new IOException("README.md has no java block after the marker");
        }
        return readme.substring(start, close + 1);
    }
}
