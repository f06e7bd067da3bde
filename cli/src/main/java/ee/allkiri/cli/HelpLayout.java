package ee.allkiri.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The description, parameter and option sections of {@code --help}, wrapped at spaces only.
 * picocli's own layout breaks lines after punctuation too, which cut examples in half
 * ({@code 2024-06-01T00:00: 00Z}, {@code . asice}); here a word longer than the column
 * overflows instead of being split, so every example can be copied as printed.
 */
final class HelpLayout {

    /** The width picocli uses by default. */
    static final int WIDTH = 80;
    /** Where descriptions start, as in picocli's default layout. */
    private static final int COLUMN = 29;

    private HelpLayout() {
    }

    /** Replaces the three sections on the command and all its subcommands. */
    static void install(CommandLine cli) {
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpLayout::description);
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, HelpLayout::parameters);
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::options);
        cli.getSubcommands().values().forEach(HelpLayout::install);
    }

    private static String description(Help help) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : help.commandSpec().usageMessage().description()) {
            wrap(out, "", paragraph, 0);
        }
        return out.toString();
    }

    private static String parameters(Help help) {
        StringBuilder out = new StringBuilder();
        for (PositionalParamSpec p : help.commandSpec().positionalParameters()) {
            if (!p.hidden()) {
                String label = p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
                row(out, "      " + label, p);
            }
        }
        return out.toString();
    }

    private static String options(Help help) {
        CommandSpec spec = help.commandSpec();
        List<OptionSpec> options = new ArrayList<>(spec.options());
        options.removeIf(OptionSpec::hidden);
        options.sort(help.createDefaultOptionSort());
        StringBuilder out = new StringBuilder();
        for (OptionSpec o : options) {
            row(out, names(o), o);
        }
        return out.toString();
    }

    private static String names(OptionSpec o) {
        String shortName = null;
        List<String> longNames = new ArrayList<>();
        for (String name : o.names()) {
            if (name.length() == 2 && shortName == null) {
                shortName = name;
            } else {
                longNames.add(name);
            }
        }
        StringBuilder sb = new StringBuilder("  ");
        sb.append(shortName == null ? "    " : shortName + (longNames.isEmpty() ? "  " : ", "));
        sb.append(String.join(", ", longNames));
        if (o.arity().max() > 0) {
            String label = o.paramLabel();
            String value = o.splitRegex().isEmpty() ? label : label + "[," + label + "...]";
            sb.append(o.arity().min() == 0 ? "[=" + value + "]" : "=" + value);
        }
        return sb.toString();
    }

    private static void row(StringBuilder out, String names, ArgSpec arg) {
        String text = String.join(" ", arg.renderedDescription());
        if (names.length() > COLUMN - 2) {
            out.append(names).append(System.lineSeparator());
            wrap(out, " ".repeat(COLUMN), text, COLUMN);
        } else {
            wrap(out, names + " ".repeat(COLUMN - names.length()), text, COLUMN);
        }
    }

    /**
     * Appends {@code text} wrapped at spaces to {@link #WIDTH}: the first line after
     * {@code first}, the following ones indented by {@code indent} plus two.
     */
    static void wrap(StringBuilder out, String first, String text, int indent) {
        String continuation = " ".repeat(indent == 0 ? 0 : indent + 2);
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                out.append(stripEnd(line)).append(System.lineSeparator());
                line = new StringBuilder(continuation);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        out.append(stripEnd(line)).append(System.lineSeparator());
    }

    private static String stripEnd(StringBuilder line) {
        return line.toString().stripTrailing();
    }
}
