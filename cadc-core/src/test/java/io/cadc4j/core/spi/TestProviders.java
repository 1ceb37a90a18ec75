// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import java.io.ByteArrayInputStream;

/** Transport providers registered in this module's test resources, to exercise discovery. */
final class TestProviders {
    private TestProviders() {
    }

    /** A transport that answers 204 to everything and remembers which provider made it. */
    static final class NamedTransport implements HttpTransport {
        final String madeBy;

        NamedTransport(String madeBy) {
            this.madeBy = madeBy;
        }

        @Override
        public HttpResponse send(HttpRequest request) {
            return HttpResponse.of(request, 204, HttpHeaders.empty(), new ByteArrayInputStream(new byte[0]));
        }

        @Override
        public void close() {
        }
    }

    /** Stands for a built-in provider: low priority. */
    public static final class BuiltInLike implements HttpTransportProvider {
        @Override
        public String name() {
            return "builtin";
        }

        @Override
        public int priority() {
            return BUILT_IN_PRIORITY;
        }

        @Override
        public HttpTransport create(TransportSettings settings) {
            return new NamedTransport(name());
        }
    }

    /** Stands for a third-party provider: default priority, so it outranks the built-in. */
    public static final class ThirdParty implements HttpTransportProvider {
        @Override
        public String name() {
            return "thirdparty";
        }

        @Override
        public HttpTransport create(TransportSettings settings) {
            return new NamedTransport(name());
        }
    }

    /** A provider whose constructor fails: discovery must skip it. */
    public static final class Broken implements HttpTransportProvider {
        public Broken() {
            throw new IllegalStateException("this provider is broken on purpose");
        }

        @Override
        public String name() {
            return "broken";
        }

        @Override
        public HttpTransport create(TransportSettings settings) {
            throw new AssertionError("never made");
        }
    }

    /** A provider that fails to say its name: discovery must skip it. */
    public static final class Nameless implements HttpTransportProvider {
        @Override
        public String name() {
            throw new UnsupportedOperationException("no name");
        }

        @Override
        public HttpTransport create(TransportSettings settings) {
            throw new AssertionError("never made");
        }
    }
}
