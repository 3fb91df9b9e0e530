package org.cortexj.peers;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value} and {@code --flag}, shared by the driver
 * and the child JVMs. Unknown options and options without their value are rejected when parsing.
 */
final class OptionParser {

    private final Map<String, String> values;
    private final Set<String> flags;

    private OptionParser(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    /**
     * Parses {@code args}.
     *
     * @param valueOptions names (without {@code --}) that take a value
     * @param flagOptions names (without {@code --}) that take none
     * @throws IllegalArgumentException for an unknown option, a repeated option, a missing value
     *     or a bare word
     */
    static OptionParser parse(String[] args, Set<String> valueOptions, Set<String> flagOptions) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String name = optionName(args[i]);
            boolean repeated = values.containsKey(name) || flags.contains(name);
            if (repeated) {
                throw new IllegalArgumentException("option --" + name + " is given twice; give it once");
            }
            if (flagOptions.contains(name)) {
                flags.add(name);
            } else if (valueOptions.contains(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option --" + name + "; run with --help for the list");
            }
        }
        return new OptionParser(values, flags);
    }

    private static String optionName(String argument) {
        if (!argument.startsWith("--") || argument.length() == 2) {
            throw new IllegalArgumentException("expected an option such as --pairs, got '" + argument + "'");
        }
        return argument.substring(2);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    String text(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /** Returns the value of {@code --name} as an integer >= {@code minimum}, or the default if absent. */
    int integer(String name, int defaultValue, int minimum) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + " needs an integer, got '" + value + "'", e);
        }
        if (parsed < minimum) {
            throw new IllegalArgumentException("option --" + name + " must be >= " + minimum + ", got " + parsed);
        }
        return parsed;
    }

    /** Returns the value of {@code --name} as a number in (0, maximum], or the default if absent. */
    double positiveNumber(String name, double defaultValue, double maximum) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + " needs a number, got '" + value + "'", e);
        }
        if (!(parsed > 0 && parsed <= maximum)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "option --%s must be in (0, %s], got %s", name, maximum, value));
        }
        return parsed;
    }
}
