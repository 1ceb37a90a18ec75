// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.Cadc;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * The entry point of the {@code cadc} command.
 *
 * <p>Stateless and thread-safe; each {@link #run} builds its own command objects.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command and exits with its code. A signal (Ctrl-C, SIGTERM) ends the run through
     * its {@link Shutdown} steps, which the JVM's shutdown hook runs.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        int verbosity = LogFormat.verbosity(args);
        if (verbosity >= 2) {
            // the JDK HTTP client's own log (read when its first client is made)
            System.setProperty("jdk.httpclient.HttpClient.log", "errors,requests,headers");
        }
        LogFormat.install(System.err, verbosity, LogFormat.quiet(args));
        // the command keeps registry and capabilities documents on disk between runs
        Shutdown shutdown = new Shutdown();
        Runtime.getRuntime().addShutdownHook(shutdown.hook());
        int code = run(args, System.out, System.err, Terminal.system(), Cadc.Builder::diskCache, shutdown);
        System.out.flush();
        stopHttpSelectorThreads();
        System.exit(code);
    }

    /**
     * Ends the JDK HTTP client's selector threads, right before the process exits. The JVM, on its
     * way out, waits up to 0.3 s for every thread that is blocked in native code, and an HTTP
     * client's selector thread always is (in {@code epoll_wait}) until its client is collected:
     * that wait was a third of a one-query run (cadc-bench/coldstart.sh). Interrupted, the thread
     * leaves its select loop and closes its selector. (From Java 21 on, {@code HttpClient.close()}
     * does the same; the command runs on Java 11 too.)
     */
    static void stopHttpSelectorThreads() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (name.startsWith("HttpClient-") && name.endsWith("-SelectorManager")) {
                t.interrupt();
            }
        }
    }

    /**
     * Runs the command in this process: the hook tests use, with their own streams, terminal and
     * a customiser that may hand the facade's builder test doubles.
     *
     * @param args the arguments
     * @param out standard output (results)
     * @param err standard error (warnings, progress, errors)
     * @param terminal the terminal
     * @param customiser applied to the facade's builder after the options
     * @return the exit code ({@link ExitCodes})
     */
    static int run(String[] args, PrintStream out, PrintStream err, Terminal terminal, Consumer<Cadc.Builder> customiser) {
        return run(args, out, err, terminal, customiser, new Shutdown());
    }

    /**
     * Runs the command with a given shutdown path (tests end it as a signal would).
     *
     * @param args the arguments
     * @param out standard output (results)
     * @param err standard error (warnings, progress, errors)
     * @param terminal the terminal
     * @param customiser applied to the facade's builder after the options
     * @param shutdown the steps that undo an unfinished run; those left are run when the run fails
     * @return the exit code ({@link ExitCodes})
     */
    static int run(String[] args, PrintStream out, PrintStream err, Terminal terminal, Consumer<Cadc.Builder> customiser,
            Shutdown shutdown) {
        CadcCommand root = new CadcCommand(out, err, terminal, customiser, shutdown);
        CommandLine cl = new CommandLine(root);
        for (Class<?> sub : subcommandsFor(args)) {
            cl.addSubcommand(sub);
        }
        Help.configure(cl); // first: the streams set below reach the subcommands it adds
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            root.report(e);
            return ExitCodes.of(e);
        });
        cl.setParameterExceptionHandler((e, args1) -> {
            CommandLine bad = e.getCommandLine();
            err.println("cadc: " + e.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, bad.getErr())) {
                err.println("Try '" + bad.getCommandSpec().qualifiedName() + " --help' for more information.");
            }
            return ExitCodes.USAGE;
        });
        int code = cl.execute(args);
        if (code != ExitCodes.OK) {
            for (String problem : shutdown.end(Shutdown.Reason.FAILURE)) {
                err.println("cadc: " + problem);
            }
        }
        out.flush();
        return code;
    }

    /**
     * The subcommands to build for a command line: only the first one it names (an option value
     * equal to a subcommand's name is refused by picocli either way), else all of them (for help,
     * and for the suggestions after a mistyped name). Building one instead of nine spares a
     * one-query run most of picocli's reflection.
     */
    static List<Class<?>> subcommandsFor(String[] args) {
        for (String a : args) {
            if ("--".equals(a)) {
                break;
            }
            for (Class<?> sub : CadcCommand.SUBCOMMANDS) {
                if (a.equals(sub.getAnnotation(CommandLine.Command.class).name())) {
                    return List.of(sub);
                }
            }
        }
        return CadcCommand.SUBCOMMANDS;
    }
}
