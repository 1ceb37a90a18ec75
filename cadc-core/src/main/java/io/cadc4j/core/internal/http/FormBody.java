// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.http;

import io.cadc4j.core.spi.RequestBody;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A URL-encoded form body ({@code application/x-www-form-urlencoded}, UTF-8): name and value pairs
 * in order, names may repeat ({@code ID=a&ID=b}). The same encoding serves for a query string
 * ({@link #encoded()}).
 *
 * <p>{@link #toString()} shows the field names only, since a login form holds a password.
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class FormBody implements RequestBody {
    /** The media type of a URL-encoded form. */
    public static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    private final List<Map.Entry<String, String>> fields;
    private final byte[] encoded;

    private FormBody(List<Map.Entry<String, String>> fields) {
        this.fields = List.copyOf(fields);
        this.encoded = encode(this.fields).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Starts an empty form.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The fields in order.
     *
     * @return name and value pairs
     */
    public List<Map.Entry<String, String>> fields() {
        return fields;
    }

    /**
     * The values of one field, in order.
     *
     * @param name the exact field name
     * @return its values, empty when absent
     */
    public List<String> values(String name) {
        Objects.requireNonNull(name, "name");
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equals(name)) {
                out.add(f.getValue());
            }
        }
        return out;
    }

    /**
     * The form encoded as it is sent, usable as a URI query string.
     *
     * @return the encoded text, e.g. {@code LANG=ADQL&QUERY=select+1}
     */
    public String encoded() {
        return new String(encoded, StandardCharsets.US_ASCII);
    }

    @Override
    public Optional<String> contentType() {
        return Optional.of(MEDIA_TYPE);
    }

    @Override
    public long contentLength() {
        return encoded.length;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(encoded);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FormBody && ((FormBody) o).fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.getKey()));
        return "FormBody" + names;
    }

    private static String encode(List<Map.Entry<String, String>> fields) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> f : fields) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** Collects form fields. Single-threaded. */
    public static final class Builder {
        private final List<Map.Entry<String, String>> fields = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a field after the others; a name may be added more than once.
         *
         * @param name the field name
         * @param value the value
         * @return this builder
         */
        public Builder add(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty form field name");
            }
            fields.add(Map.entry(name, value));
            return this;
        }

        /**
         * Makes the form.
         *
         * @return the form body
         */
        public FormBody build() {
            return new FormBody(fields);
        }
    }
}
