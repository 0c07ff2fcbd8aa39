package io.intellisite.indexer.bootstrap.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of {@code ./indexer} and of the jar, read once for the product and the benchmarks alike: a command, then
 * {@code --NAME=value} (any setting, or the command's own numbers such as {@code --COUNT}), {@code --throwaway},
 * {@code --help} and {@code --version}.
 */
public record CommandLine(String command, Map<String, String> overrides, boolean help, boolean version) {
    public CommandLine {
        overrides = Map.copyOf(overrides);
    }

    /** Fails with a StartupException on a second command word or a flag it does not know. */
    public static CommandLine parse(List<String> args, String defaultCommand) {
        String command = null;
        Map<String, String> overrides = new HashMap<>();
        boolean help = false;
        boolean version = false;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals("--version")) {
                version = true;
            } else if (arg.equals("--throwaway")) {
                overrides.put("THROWAWAY", "true");
            } else if (arg.startsWith("--") && arg.indexOf('=') > 2) {
                overrides.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (!arg.startsWith("-") && command == null) {
                command = arg;
            } else {
                throw new StartupException(arg, "unknown " + (arg.startsWith("-") ? "flag" : "extra word")
                        + " (use --NAME=value, --throwaway, --help or --version)");
            }
        }
        return new CommandLine(command == null ? defaultCommand : command, overrides, help, version);
    }
}
