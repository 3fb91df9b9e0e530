package org.cortexj.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Configures {@code java.util.logging} for the command line: one line per record on standard
 * error, INFO and above by default, FINE and above for the library's loggers with
 * {@code --verbose}.
 */
final class LogSetup {

    private static final String LIBRARY_LOGGER = "org.cortexj";

    // Held here because java.util.logging keeps loggers only weakly, and a collected logger would
    // lose the level set on it.
    private static final Logger LIBRARY = Logger.getLogger(LIBRARY_LOGGER);

    private LogSetup() {
    }

    /**
     * Replaces the root handlers with one that writes to {@code err}.
     *
     * @param verbose whether to show FINE records of the library (and stack traces)
     */
    static void configure(boolean verbose, java.io.PrintStream err) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Handler handler = new FlushingHandler(err, new OneLineFormatter(verbose));
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        LIBRARY.setLevel(verbose ? Level.FINE : Level.INFO);
    }

    /** Writes each record at once, so log lines and the report interleave in order. */
    private static final class FlushingHandler extends StreamHandler {

        FlushingHandler(java.io.PrintStream out, Formatter formatter) {
            super(out, formatter);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }

        /** Flushes but leaves the stream open, because it is the process's standard error. */
        @Override
        public synchronized void close() {
            flush();
        }
    }

    /**
     * Formats {@code LEVEL Source: message}, such as {@code INFO ConformanceRunner: ...}; a thrown
     * exception adds its type and message, and its stack trace when verbose.
     */
    static final class OneLineFormatter extends Formatter {

        private final boolean withStackTraces;

        OneLineFormatter(boolean withStackTraces) {
            this.withStackTraces = withStackTraces;
        }

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder();
            line.append(record.getLevel().getName()).append(' ')
                    .append(simpleName(record.getLoggerName())).append(": ")
                    .append(formatMessage(record));
            Throwable thrown = record.getThrown();
            if (thrown != null) {
                line.append(" (").append(thrown).append(')');
            }
            line.append(System.lineSeparator());
            if (thrown != null && withStackTraces) {
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }

        private static String simpleName(String loggerName) {
            if (loggerName == null || loggerName.isEmpty()) {
                return "root";
            }
            return loggerName.substring(loggerName.lastIndexOf('.') + 1);
        }
    }
}
