package ee.allkiri.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code allkiri} command. Exit codes: 0 all passed, 1 some signature failed, 2 usage or I/O error.
 * Not API: the command line is the contract (its options, output formats and exit codes); programs
 * use the library and {@link ReportWriter}.
 */
@Command(name = "allkiri", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
        description = "Verifies ASiC-E / BDOC signature containers.")
final class Main {

    /** The subcommands, in the order help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    /** Exit code: every container passed. */
    public static final int OK = 0;
    /** Exit code: a signature failed or is indeterminate, or a container is invalid. */
    public static final int FAILED = 1;
    /** Exit code: bad usage, or a file or trust source could not be read. */
    public static final int ERROR = 2;

    /** Standard input and output as the commands use them: the report goes to {@link #out}. */
    final Streams streams;

    /**
     * The process's standard streams for the commands.
     *
     * @param in  standard input ({@code -} as a PATH)
     * @param out where reports go without {@code --output}: unbuffered, so that a write error
     *            (a full disk, a closed pipe) is an exception, not a silent loss
     * @param err messages and warnings
     */
    record Streams(InputStream in, OutputStream out, PrintWriter err) {
    }

    Main(Streams streams) {
        this.streams = streams;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on the process's standard streams and returns the exit code. */
    public static int run(String... args) {
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        return run(new Streams(System.in, new FileOutputStream(FileDescriptor.out), err), args);
    }

    /** Runs the command line on the given streams, for tests and embedding. */
    static int run(Streams streams, String... args) {
        CommandLine cli = commandLine(new Main(streams), args);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setErr(streams.err());
        cli.setOut(new PrintWriter(new OutputStreamWriter(streams.out(), StandardCharsets.UTF_8), true));
        HelpLayout.install(cli);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("allkiri: " + Problems.oneLine(e));
            commandLine.getErr().flush();
            return ERROR;
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("allkiri: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            c.getErr().flush();
            return ERROR;
        });
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith(MASK_OPTION + "=") && !ContainerCommand.MaskConsumer.isMask(arg.substring(MASK_OPTION.length() + 1))) {
                streams.err().println("allkiri: " + MASK_OPTION + " takes none, serial or last-two, not '"
                        + arg.substring(MASK_OPTION.length() + 1) + "'");
                streams.err().flush();
                return ERROR;
            }
        }
        int code = cli.execute(args);
        streams.err().flush();
        return code;
    }

    /**
     * The command line with only the subcommand the arguments name, when they start with one:
     * picocli builds the model of every command it is given by reflection, a cost each run of a
     * short-lived process pays. With no subcommand first (help, version, a typo) it gets all.
     */
    static CommandLine commandLine(Main main, String... args) {
        CommandLine cli = new CommandLine(main);
        Supplier<Object> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(args[0], named.get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        return cli;
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> out = new LinkedHashMap<>();
        out.put("verify", VerifyCommand::new);
        out.put("audit", AuditCommand::new);
        out.put("extract", ExtractCommand::new);
        out.put("trust", TrustCommand::new);
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The option whose value is optional; an attached value must be a mask's name (see {@link ContainerCommand.MaskConsumer}). */
    private static final String MASK_OPTION = "--mask-personal-codes";
}
