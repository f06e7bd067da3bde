package ee.allkiri.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code --help} (issue #15): examples are printed whole ({@code 2024-06-01T00:00:00Z}, not
 * {@code 2024-06-01T00:00: 00Z}); lines are broken at spaces only, within 80 columns. The help
 * is read from a child process, as a user sees it.
 */
class HelpTextTest {

    @TempDir
    Path tmp;

    /** Things people copy from the help: instants, file extensions, option values. */
    private static final Pattern EXAMPLE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d(T\\d\\d:\\d\\d:\\d\\dZ)?|\\.[a-z]{3,5}\\b"
            + "|'[A-Z0-9]+=https?://[^']+'|[A-Z_]+(,[A-Z_]+)+");

    private static final List<Class<?>> DESCRIBED = List.of(ContainerCommand.class, VerifyCommand.class,
            AuditCommand.class, AuditCommand.Document.class, TrustOptions.class, OnlineOptions.class,
            TrustShowCommand.class, TrustRefreshCommand.class);

    @Test
    void everyExampleInTheOptionsIsPrintedWhole() throws Exception {
        String help = help("verify") + help("audit") + help("trust", "show") + help("trust", "refresh");
        String joined = help.replaceAll("\\s+", " ");
        List<String> examples = examples();
        assertThat(examples).contains("2024-06-01T00:00:00Z", ".asice");
        for (String example : examples) {
            assertThat(joined).as("the help breaks " + example).contains(example);
        }
    }

    @Test
    void linesFitInEightyColumnsUnlessOneWordIsLonger() throws Exception {
        for (String help : List.of(help(), help("verify"), help("audit"), help("trust"))) {
            for (String line : help.lines().toList()) {
                if (line.length() > 80) {
                    assertThat(line.strip()).as("a long line that is not one word: " + line).doesNotContain(" ");
                }
            }
        }
    }

    private String help(String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        args.add("--help");
        ChildCli.Run run = ChildCli.run(tmp, null, args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return run.stdout();
    }

    /** The examples in the options' descriptions, as written in the source. */
    private static List<String> examples() {
        List<String> out = new ArrayList<>();
        for (Class<?> type : DESCRIBED) {
            for (Field f : type.getDeclaredFields()) {
                List<String> description = new ArrayList<>();
                Option o = f.getAnnotation(Option.class);
                if (o != null) {
                    description.addAll(List.of(o.description()));
                }
                Parameters p = f.getAnnotation(Parameters.class);
                if (p != null) {
                    description.addAll(List.of(p.description()));
                }
                Matcher m = EXAMPLE.matcher(String.join(" ", description).replaceAll("\\$\\{[^}]*}", ""));
                while (m.find()) {
                    out.add(m.group());
                }
            }
        }
        return out;
    }
}
