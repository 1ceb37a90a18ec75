// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service's VOSI availability (VOSI 1.1 §3.3): whether it is up, since when, when it will go down
 * or come back, and any notes.
 *
 * <p>Immutable and thread-safe.
 */
public final class Availability {
    private final boolean available;
    private final Instant upSince;
    private final Instant downAt;
    private final Instant backAt;
    private final List<String> notes;

    private Availability(boolean available, Instant upSince, Instant downAt, Instant backAt, List<String> notes) {
        this.available = available;
        this.upSince = upSince;
        this.downAt = downAt;
        this.backAt = backAt;
        this.notes = List.copyOf(notes);
    }

    /**
     * Makes an availability.
     *
     * @param available whether the service is up
     * @param upSince since when, or empty
     * @param downAt when it is scheduled to go down, or empty
     * @param backAt when it is expected back, or empty
     * @param notes the notes, empty ones left out
     * @return the availability
     */
    public static Availability of(boolean available, Optional<Instant> upSince, Optional<Instant> downAt,
            Optional<Instant> backAt, List<String> notes) {
        return new Availability(available, upSince.orElse(null), downAt.orElse(null), backAt.orElse(null),
                Objects.requireNonNull(notes, "notes"));
    }

    /** @return whether the service says it is available */
    public boolean isAvailable() {
        return available;
    }

    /** @return since when the service has been up, if it says */
    public Optional<Instant> upSince() {
        return Optional.ofNullable(upSince);
    }

    /** @return when the service is scheduled to go down, if it says */
    public Optional<Instant> downAt() {
        return Optional.ofNullable(downAt);
    }

    /** @return when the service is expected back, if it says */
    public Optional<Instant> backAt() {
        return Optional.ofNullable(backAt);
    }

    /** @return the notes, in document order */
    public List<String> notes() {
        return notes;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Availability)) {
            return false;
        }
        Availability a = (Availability) o;
        return available == a.available && Objects.equals(upSince, a.upSince) && Objects.equals(downAt, a.downAt)
                && Objects.equals(backAt, a.backAt) && notes.equals(a.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(available, upSince, downAt, backAt, notes);
    }

    @Override
    public String toString() {
        return "Availability[" + (available ? "up" : "down") + (notes.isEmpty() ? "" : ", " + notes) + "]";
    }
}
