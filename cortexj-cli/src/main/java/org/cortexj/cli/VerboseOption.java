package org.cortexj.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** The {@code --verbose} option, accepted before or after the subcommand name. */
final class VerboseOption {

    static final String NAME = "--verbose";

    @Option(names = NAME, description = "Also log details to standard error: files read, reference "
            + "tensors a handler did not compare, and stack traces of handler exceptions.")
    boolean verbose;

    /** Returns whether {@code --verbose} was given on the command or any of its subcommands. */
    static boolean requested(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(NAME)) {
                return true;
            }
        }
        return false;
    }
}
