// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the shell completion scripts of the {@code cadc} command, from the command's own
 * definition: {@code cadc.bash} for bash and {@code cadc.zsh} for zsh (the same script behind
 * zsh's bash-completion emulation). The build runs it when it makes the distribution.
 *
 * <p>Stateless and thread-safe.
 */
public final class Completion {

    private Completion() {
    }

    /**
     * Writes {@code cadc.bash} and {@code cadc.zsh} into a folder.
     *
     * @param args one argument: the folder (made if missing)
     * @throws IOException if a script cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: Completion DIRECTORY");
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        String bash = bash();
        Files.writeString(dir.resolve("cadc.bash"), bash, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("cadc.zsh"), zsh(bash), StandardCharsets.UTF_8);
    }

    /** @return the bash completion script of the command as it is defined now */
    static String bash() {
        CommandLine cl = new CommandLine(new CadcCommand(System.out, System.err, Terminal.system(), b -> { }));
        CadcCommand.SUBCOMMANDS.forEach(cl::addSubcommand);
        Help.configure(cl);
        return AutoComplete.bash("cadc", cl);
    }

    /**
     * @param bash the bash script
     * @return a zsh script: loads zsh's bash-completion emulation, then the bash script
     */
    static String zsh(String bash) {
        return "#compdef cadc\n"
                + "# Completion of the cadc command for zsh: source this file from ~/.zshrc.\n"
                + "autoload -U +X compinit && compinit\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + bash;
    }
}
