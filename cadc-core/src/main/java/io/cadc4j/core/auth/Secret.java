// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import java.util.Arrays;

/**
 * A secret held as characters, so that it can be wiped: copies go out, the held array is zeroed
 * by {@link #wipe()}. Never printed. Thread-safe.
 */
final class Secret {
    private char[] chars;

    Secret(char[] chars) {
        this.chars = chars.clone();
    }

    synchronized char[] copy(String what) {
        if (chars == null) {
            throw new IllegalStateException("the " + what + " has been destroyed (after logout or destroy())");
        }
        return chars.clone();
    }

    synchronized void wipe() {
        if (chars != null) {
            Arrays.fill(chars, '\0');
            chars = null;
        }
    }

    synchronized boolean isWiped() {
        return chars == null;
    }

    @Override
    public String toString() {
        return "****";
    }
}
