// SPDX-License-Identifier: Apache-2.0
/**
 * The streaming VOTable reader and writer, on the StAX API ({@code java.xml}); Woodstox is used at
 * run time when present, the JDK's parser otherwise.
 */
module io.cadc4j.votable {
    requires transitive io.cadc4j.core;
    requires java.xml;

    exports io.cadc4j.votable;
}
