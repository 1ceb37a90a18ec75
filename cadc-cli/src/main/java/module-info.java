// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code cadc} command: queries CADC (or any TAP service) from a shell, with the
 * {@link io.cadc4j.core.Cadc} facade. Exports nothing; {@code io.cadc4j.cli.internal.Main} is
 * the entry point, and {@code target/cadc.jar} the runnable artifact.
 */
module io.cadc4j.cli {
    requires io.cadc4j.core;
    requires io.cadc4j.votable;
    requires io.cadc4j.samp;
    requires info.picocli;
    requires jakarta.json;
    requires java.logging;

    // picocli fills the command objects' option fields by reflection.
    opens io.cadc4j.cli.internal to info.picocli;
}
