package ee.allkiri.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code allkiri} command. Exit codes: 0 all passed, 1 some signature failed, 2 usage or I/O error. */
@Command(name = "allkiri", mixinStandardHelpOptions = true, version = "allkiri 0.1.0",
        description = "Verifies ASiC-E / BDOC signature containers.")
public final class Main {

    /** The subcommands, in the order help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    /** Exit code: every container passed. */
    public static final int OK = 0;
    /** Exit code: a signature failed or is indeterminate, or a container is invalid. */
    public static final int FAILED = 1;
    /** Exit code: bad usage, or a file or trust source could not be read. */
    public static final int ERROR = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code, for tests and embedding. */
    public static int run(String... args) {
        CommandLine cli = commandLine(args);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("allkiri: " + oneLine(e));
            return ERROR;
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("allkiri: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ERROR;
        });
        return cli.execute(args);
    }

    /**
     * The command line with only the subcommand the arguments name, when they start with one:
     * picocli builds the model of every command it is given by reflection, a cost each run of a
     * short-lived process pays. With no subcommand first (help, version, a typo) it gets all.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new Main());
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
        out.put("trust", TrustCommand::new);
        return java.util.Collections.unmodifiableMap(out);
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.replace('\n', ' ');
    }
}
