package ee.allkiri.cli;

import picocli.CommandLine.Command;

/** {@code allkiri trust}: look at trust material and refresh snapshots. */
@Command(name = "trust", mixinStandardHelpOptions = true,
        description = "Show trust material or refresh a trusted-list snapshot.",
        subcommands = {TrustShowCommand.class, TrustRefreshCommand.class})
final class TrustCommand {
}
