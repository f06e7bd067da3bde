package ee.allkiri.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code allkiri} command. Exit codes: 0 all passed, 1 some signature failed, 2 usage or I/O error. */
@Command(name = "allkiri", mixinStandardHelpOptions = true, version = "allkiri 0.1.0",
        description = "Verifies ASiC-E / BDOC signature containers.",
        subcommands = {VerifyCommand.class, AuditCommand.class, TrustCommand.class})
public final class Main {

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
        CommandLine cli = new CommandLine(new Main());
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

    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.replace('\n', ' ');
    }
}
