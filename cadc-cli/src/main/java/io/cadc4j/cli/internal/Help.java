// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How the help reads: a subcommand's help lists its own options, then the options every command
 * shares once, in a section of their own ("Common options"), and its synopsis says
 * {@code [OPTIONS]} instead of spelling them all out; {@code cadc help COMMAND} shows a command's
 * help.
 *
 * <p>Stateless and thread-safe.
 */
final class Help {
    /** The key of the common options' section. */
    static final String COMMON_OPTIONS = "commonOptions";

    private Help() {
    }

    /**
     * Sets up the help of the command and all its subcommands.
     *
     * @param root the {@code cadc} command line
     */
    static void configure(CommandLine root) {
        root.addSubcommand("help", new CommandLine.HelpCommand());
        for (CommandLine sub : root.getSubcommands().values()) {
            configureSubcommand(sub);
        }
    }

    private static void configureSubcommand(CommandLine c) {
        c.getCommandSpec().usageMessage().abbreviateSynopsis(true);
        Map<String, CommandLine.IHelpSectionRenderer> sections = c.getHelpSectionMap();
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                help -> help.optionListExcludingGroups(options(help, false)));
        sections.put(COMMON_OPTIONS, help -> {
            List<OptionSpec> common = options(help, true);
            return common.isEmpty() ? "" : String.format("%nCommon options (before or after the command):%n")
                    + help.optionListExcludingGroups(common);
        });
        List<String> keys = new ArrayList<>(c.getHelpSectionKeys());
        if (!keys.contains(COMMON_OPTIONS)) {
            keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, COMMON_OPTIONS);
        }
        c.setHelpSectionKeys(keys);
        for (CommandLine sub : c.getSubcommands().values()) {
            configureSubcommand(sub);
        }
    }

    private static List<OptionSpec> options(CommandLine.Help help, boolean inherited) {
        List<OptionSpec> out = new ArrayList<>();
        for (OptionSpec o : help.commandSpec().options()) {
            if (!o.hidden() && o.inherited() == inherited) {
                out.add(o);
            }
        }
        return out;
    }
}
