// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.registry;

import io.cadc4j.core.SecurityMethod;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code interface} of a VOSI capability: where to send requests ({@code accessURL}) and which
 * security methods that URL accepts.
 *
 * <p>An interface that lists no {@code securityMethod}, or an empty one, accepts anonymous
 * requests (VOResource 1.1 §3.2.2); {@link #securityMethods()} then contains
 * {@link SecurityMethod#ANONYMOUS}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Interface {

    /**
     * How an access URL is used (VOResource {@code accessURL/@use}). A closed set.
     *
     * <p>Immutable.
     */
    public enum Use {
        /** The URL is used as is. */
        FULL,
        /** The URL is a base to which paths or query parameters are added (the default for TAP). */
        BASE,
        /** The URL is a directory listing. */
        DIR;

        /**
         * Reads the attribute value, ignoring case; an absent or unknown value is {@link #BASE}.
         *
         * @param text the attribute value
         * @return the use
         */
        public static Use of(String text) {
            Objects.requireNonNull(text, "text");
            switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "full":
                    return FULL;
                case "dir":
                    return DIR;
                default:
                    return BASE;
            }
        }
    }

    private final String type;
    private final String role;
    private final String version;
    private final URI accessUrl;
    private final Use use;
    private final List<SecurityMethod> securityMethods;

    private Interface(String type, String role, String version, URI accessUrl, Use use,
            List<SecurityMethod> securityMethods) {
        this.type = type;
        this.role = role;
        this.version = version;
        this.accessUrl = accessUrl;
        this.use = use;
        this.securityMethods = List.copyOf(securityMethods);
    }

    /**
     * Makes an interface.
     *
     * @param type the {@code xsi:type} in Clark notation ({@code {namespace}local}), or empty when absent
     * @param role the {@code role} attribute, or empty when absent
     * @param version the {@code version} attribute, or empty when absent
     * @param accessUrl the access URL
     * @param use how the access URL is used
     * @param securityMethods the security methods, in document order; empty means anonymous only
     * @return the interface
     */
    public static Interface of(String type, String role, String version, URI accessUrl, Use use,
            List<SecurityMethod> securityMethods) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(accessUrl, "accessUrl");
        Objects.requireNonNull(use, "use");
        List<SecurityMethod> methods = new ArrayList<>();
        for (SecurityMethod m : Objects.requireNonNull(securityMethods, "securityMethods")) {
            if (!methods.contains(Objects.requireNonNull(m, "securityMethods element"))) {
                methods.add(m);
            }
        }
        if (methods.isEmpty()) {
            methods.add(SecurityMethod.ANONYMOUS);
        }
        return new Interface(type, role, version, accessUrl, use, methods);
    }

    /**
     * The interface type ({@code xsi:type}) resolved through the document's namespaces, in Clark
     * notation, e.g. {@code {http://www.ivoa.net/xml/VODataService/v1.1}ParamHTTP}.
     *
     * @return the type, or empty when the document gave none
     */
    public Optional<String> type() {
        return type.isEmpty() ? Optional.empty() : Optional.of(type);
    }

    /**
     * The local part of {@link #type()}, e.g. {@code ParamHTTP}, whatever prefix the document used.
     *
     * @return the local type name, or empty when the document gave none
     */
    public Optional<String> typeName() {
        return type().map(t -> t.substring(t.indexOf('}') + 1));
    }

    /**
     * The interface role, {@code std} for the standard interface of a capability.
     *
     * @return the role, or empty when absent
     */
    public Optional<String> role() {
        return role.isEmpty() ? Optional.empty() : Optional.of(role);
    }

    /**
     * The version of the standard this interface speaks, e.g. {@code 1.1}.
     *
     * @return the version, or empty when absent
     */
    public Optional<String> version() {
        return version.isEmpty() ? Optional.empty() : Optional.of(version);
    }

    /**
     * The access URL, white space trimmed.
     *
     * @return the URL
     */
    public URI accessUrl() {
        return accessUrl;
    }

    /**
     * How the access URL is used.
     *
     * @return the use
     */
    public Use use() {
        return use;
    }

    /**
     * The security methods this interface accepts, in document order, never empty:
     * {@link SecurityMethod#ANONYMOUS} stands for an empty or absent {@code securityMethod}.
     *
     * @return the methods
     */
    public List<SecurityMethod> securityMethods() {
        return securityMethods;
    }

    /**
     * Whether this interface accepts a security method.
     *
     * @param method the method
     * @return true when it is listed
     */
    public boolean accepts(SecurityMethod method) {
        return securityMethods.contains(Objects.requireNonNull(method, "method"));
    }

    /**
     * Whether the access URL uses https.
     *
     * @return true for an https URL
     */
    public boolean isHttps() {
        return "https".equalsIgnoreCase(accessUrl.getScheme());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Interface)) {
            return false;
        }
        Interface i = (Interface) o;
        return type.equals(i.type) && role.equals(i.role) && version.equals(i.version) && accessUrl.equals(i.accessUrl)
                && use == i.use && securityMethods.equals(i.securityMethods);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, role, version, accessUrl, use, securityMethods);
    }

    @Override
    public String toString() {
        return "Interface[" + accessUrl + " " + securityMethods + "]";
    }
}
