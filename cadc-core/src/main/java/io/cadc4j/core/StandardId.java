// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core;

import java.net.URI;
import java.util.Objects;

/**
 * The {@code standardID} of a VOSI capability, naming the IVOA standard an endpoint speaks. An open
 * vocabulary: the constants name what cadc4j uses, and {@link #of(String)} accepts any other.
 *
 * <p>Immutable and thread-safe.
 */
public final class StandardId {
    /** Table Access Protocol. */
    public static final StandardId TAP = new StandardId("ivo://ivoa.net/std/TAP");
    /** VOSI capabilities. */
    public static final StandardId VOSI_CAPABILITIES = new StandardId("ivo://ivoa.net/std/VOSI#capabilities");
    /** VOSI availability. */
    public static final StandardId VOSI_AVAILABILITY = new StandardId("ivo://ivoa.net/std/VOSI#availability");
    /** VOSI tables, version 1.1. */
    public static final StandardId VOSI_TABLES_1_1 = new StandardId("ivo://ivoa.net/std/VOSI#tables-1.1");
    /** VOSI tables, version 1.0. */
    public static final StandardId VOSI_TABLES = new StandardId("ivo://ivoa.net/std/VOSI#tables");
    /** DataLink links endpoint, version 1.1. */
    public static final StandardId DATALINK_1_1 = new StandardId("ivo://ivoa.net/std/DataLink#links-1.1");
    /** DataLink links endpoint, version 1.0. */
    public static final StandardId DATALINK_1_0 = new StandardId("ivo://ivoa.net/std/DataLink#links-1.0");
    /** SODA synchronous cutouts. */
    public static final StandardId SODA_SYNC = new StandardId("ivo://ivoa.net/std/SODA#sync-1.0");
    /** SODA asynchronous cutouts. */
    public static final StandardId SODA_ASYNC = new StandardId("ivo://ivoa.net/std/SODA#async-1.0");
    /** CADC's login endpoint (deprecated name; also published as {@link #SSO_TLS_WITH_PASSWORD}). */
    public static final StandardId UMS_LOGIN = new StandardId("ivo://ivoa.net/std/UMS#login-0.1");
    /** The login endpoint under its single-sign-on name. */
    public static final StandardId SSO_TLS_WITH_PASSWORD = new StandardId("ivo://ivoa.net/sso#tls-with-password");

    private final String id;

    private StandardId(String id) {
        this.id = id;
    }

    /**
     * Makes a standard id from its URI text, ignoring surrounding white space.
     *
     * @param id the {@code standardID} attribute value
     * @return the standard id
     * @throws IllegalArgumentException if {@code id} is blank or not a URI
     */
    public static StandardId of(String id) {
        Objects.requireNonNull(id, "id");
        String text = id.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("standard id is blank");
        }
        URI.create(text);
        return new StandardId(text);
    }

    /**
     * The identifier as a URI.
     *
     * @return the URI
     */
    public URI uri() {
        return URI.create(id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StandardId && ((StandardId) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
