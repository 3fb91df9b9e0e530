/**
 * The {@code cortexj} command line: {@link org.cortexj.cli.Main} and its subcommands. This package
 * configures {@code java.util.logging} for the whole program; the library only logs.
 */
package org.cortexj.cli;
