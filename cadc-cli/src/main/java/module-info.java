// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code cadc} command.
 * It arrives with issue #7; until then the module holds only its descriptor.
 */
module io.cadc4j.cli {
    requires io.cadc4j.core;
}
