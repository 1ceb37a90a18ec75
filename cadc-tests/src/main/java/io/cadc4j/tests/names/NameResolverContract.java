// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.CadcTimeoutException;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.sky.NameResolution;
import io.cadc4j.core.sky.NameResolver;
import io.cadc4j.core.sky.ResolvedName;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.port.NameResolverContext;
import io.cadc4j.core.internal.port.NameResolverProvider;
import io.cadc4j.tests.server.StandInServer;
import io.cadc4j.tests.server.names.NameResolverStandIn;
import io.cadc4j.tests.server.names.NameResolverStandIn.Fault;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NameResolver} must do, checked against the stand-in
 * {@link NameResolverStandIn} replaying captured answers: a known name gives the captured position
 * exactly, with the answering service and the resolver's name; the name is sent percent-encoded;
 * an unknown name is a {@link NotFoundException} naming it, asked of one endpoint only; an endpoint
 * that is down (503, 500, connection refused) or stalls past the timeout hands over to the next;
 * every endpoint failing is a {@link CadcException} naming each (a {@link CadcTimeoutException}
 * when all stalled), never a "not found"; a 404 or an HTML page is an error, not a "not found";
 * a blank name is refused before anything is sent; many threads may resolve at once.
 *
 * <p>An adapter passes by extending this class: {@link #provider()} gives its provider,
 * {@link #endpoint(NameResolverStandIn)} the stand-in's URL in its protocol, {@link #known()} and
 * {@link #unknownName()} what the stand-in answers in that protocol.
 *
 * <pre>{@code
 * class SesameContractTest extends NameResolverContract {
 *     protected NameResolverProvider provider() { return new MySesameProvider(); }
 *     protected URI endpoint(NameResolverStandIn s) { return s.sesameMirror(); }
 *     protected Expected known() { return new Expected("ngc3642", 170.57458768232, 59.07452101151, "Simbad", "NGC 3642"); }
 *     protected String unknownName() { return "m31"; }
 * }
 * }</pre>
 *
 * <p>Single-threaded: JUnit makes one instance per test.
 */
public abstract class NameResolverContract {
    /** The per-endpoint timeout of the failover tests: short, so that a stall is seen quickly. */
    protected static final Duration SHORT = Duration.ofMillis(1500);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private HttpPipeline http;

    /**
     * The provider of the adapter under test.
     *
     * @return the provider
     */
    protected abstract NameResolverProvider provider();

    /**
     * The stand-in's endpoint in the adapter's protocol, as it is given in
     * {@link NameResolverContext#endpoints()}.
     *
     * @param standIn the stand-in
     * @return e.g. {@link NameResolverStandIn#sesameMirror()} or {@link NameResolverStandIn#cadcFind()}
     */
    protected abstract URI endpoint(NameResolverStandIn standIn);

    /**
     * A name the stand-in knows in the adapter's protocol, and what it resolves to.
     *
     * @return the expectation
     */
    protected abstract Expected known();

    /**
     * A name the stand-in answers "not found" in the adapter's protocol, with a captured answer.
     *
     * @return the name
     */
    protected abstract String unknownName();

    /**
     * What a known name must resolve to. Immutable.
     */
    protected static final class Expected {
        final String name;
        final Coordinates position;
        final String service;
        final String canonicalName;

        /**
         * An expectation.
         *
         * @param name the name asked
         * @param ra the exact right ascension of the captured answer, degrees
         * @param dec its exact declination
         * @param service the answering service as the result names it
         * @param canonicalName the canonical name, or null when the answer has none
         */
        public Expected(String name, double ra, double dec, String service, String canonicalName) {
            this.name = name;
            this.position = Coordinates.of(ra, dec);
            this.service = service;
            this.canonicalName = canonicalName;
        }
    }

    @BeforeEach
    void openPipeline() {
        http = HttpPipeline.builder().build();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        http.close();
    }

    /**
     * Starts a stand-in that is closed after the test.
     *
     * @return the stand-in
     */
    protected final NameResolverStandIn standIn() {
        NameResolverStandIn s = NameResolverStandIn.start(NameResolverStandIn.repositoryFixtures());
        opened.add(s);
        return s;
    }

    /**
     * Makes the resolver under test over endpoints.
     *
     * @param timeout the per-endpoint timeout
     * @param endpoints the endpoints, in order
     * @return the resolver
     */
    protected final NameResolver resolver(Duration timeout, URI... endpoints) {
        return provider().create(NameResolverContext.builder(http).endpoints(List.of(endpoints)).timeout(timeout)
                .build());
    }

    /**
     * A URL where nothing listens: a stand-in's, closed.
     *
     * @param like the stand-in whose path to copy
     * @return the URL
     */
    protected final URI refusing(NameResolverStandIn like) {
        StandInServer gone = StandInServer.start();
        int port = gone.port();
        gone.close();
        URI e = endpoint(like);
        return URI.create(e.getScheme() + "://127.0.0.1:" + port + e.getRawPath()
                + (e.getRawQuery() == null ? "" : "?" + e.getRawQuery()));
    }

    @Test
    void resolvesAKnownNameToTheCapturedPosition() {
        NameResolverStandIn s = standIn();
        Expected k = known();
        ResolvedName r = resolver(NameResolution.DEFAULT_TIMEOUT, endpoint(s)).resolve(k.name);
        assertThat(r.coordinates()).isEqualTo(k.position);
        assertThat(r.service()).isEqualTo(k.service);
        assertThat(r.canonicalName()).isEqualTo(Optional.ofNullable(k.canonicalName));
        assertThat(r.name()).isEqualTo(k.name);
        assertThat(r.resolver()).contains(provider().name());
        assertThat(r.source()).hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(endpoint(s).getPort()));
        assertThat(s.namesAsked()).containsExactly(k.name);
    }

    @Test
    void sendsTheNamePercentEncodedAndStripped() {
        NameResolverStandIn s = standIn();
        ResolvedName r = resolver(NameResolution.DEFAULT_TIMEOUT, endpoint(s)).resolve("  hd 3145 ");
        assertThat(r.coordinates()).isEqualTo(Coordinates.of(8.6014, -45.4318));
        assertThat(r.name()).isEqualTo("hd 3145");
        assertThat(s.namesAsked()).containsExactly("hd 3145");
        assertThat(s.rawQueries()).singleElement().asString().contains("hd%203145").doesNotContain("hd+3145");
    }

    @Test
    void sendsAwkwardCharactersSafely() {
        NameResolverStandIn s = standIn();
        String awkward = "a&b=c+d #1 Ω";
        assertThatThrownBy(() -> resolver(NameResolution.DEFAULT_TIMEOUT, endpoint(s)).resolve(awkward))
                .isInstanceOf(NotFoundException.class);
        assertThat(s.namesAsked()).containsExactly(awkward);
    }

    @Test
    void anUnknownNameIsNotFoundNamingItAskedOnce() {
        NameResolverStandIn s = standIn();
        NameResolverStandIn second = standIn();
        String name = unknownName();
        assertThatThrownBy(() -> resolver(NameResolution.DEFAULT_TIMEOUT, endpoint(s), endpoint(second))
                .resolve(name))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("\"" + name + "\"");
        assertThat(s.namesAsked()).containsExactly(name);
        assertThat(second.namesAsked()).as("a 'not found' is an answer: no failover").isEmpty();
    }

    @Test
    void aBlankNameIsRefusedBeforeAnythingIsSent() {
        NameResolverStandIn s = standIn();
        NameResolver r = resolver(NameResolution.DEFAULT_TIMEOUT, endpoint(s));
        assertThatThrownBy(() -> r.resolve(" \t ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThat(s.server().requests()).isEmpty();
    }

    @Test
    void anEndpointAnswering503HandsOverToTheNext() {
        NameResolverStandIn down = standIn().fault(Fault.UNAVAILABLE);
        NameResolverStandIn up = standIn();
        ResolvedName r = resolver(SHORT, endpoint(down), endpoint(up)).resolve(known().name);
        assertThat(r.coordinates()).isEqualTo(known().position);
        assertThat(r.source()).hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(endpoint(up).getPort()));
        assertThat(down.namesAsked()).containsExactly(known().name);
        assertThat(up.namesAsked()).containsExactly(known().name);
    }

    @Test
    void anEndpointAnswering500HandsOverToTheNext() {
        NameResolverStandIn down = standIn().fault(Fault.SERVER_ERROR);
        NameResolverStandIn up = standIn();
        assertThat(resolver(SHORT, endpoint(down), endpoint(up)).resolve(known().name).coordinates())
                .isEqualTo(known().position);
    }

    @Test
    void aRefusedConnectionHandsOverToTheNext() {
        NameResolverStandIn up = standIn();
        assertThat(resolver(SHORT, refusing(up), endpoint(up)).resolve(known().name).coordinates())
                .isEqualTo(known().position);
        assertThat(up.namesAsked()).containsExactly(known().name);
    }

    @Test
    void aStallingEndpointHandsOverToTheNextAfterTheTimeout() {
        NameResolverStandIn stalling = standIn().fault(Fault.STALL);
        NameResolverStandIn up = standIn();
        assertThat(resolver(SHORT, endpoint(stalling), endpoint(up)).resolve(known().name).coordinates())
                .isEqualTo(known().position);
        assertThat(stalling.namesAsked()).containsExactly(known().name);
        assertThat(up.namesAsked()).containsExactly(known().name);
    }

    @Test
    void everyEndpointDownIsAFailureNamingEachNotANotFound() {
        NameResolverStandIn down = standIn().fault(Fault.UNAVAILABLE);
        NameResolverStandIn other = standIn();
        URI refused = refusing(other);
        assertThatThrownBy(() -> resolver(SHORT, endpoint(down), refused).resolve(known().name))
                .isInstanceOf(CadcException.class)
                .isNotInstanceOf(NotFoundException.class)
                .hasMessageContaining("\"" + known().name + "\"")
                .hasMessageContaining("127.0.0.1:" + endpoint(down).getPort())
                .hasMessageContaining("503")
                .hasMessageContaining("127.0.0.1:" + refused.getPort())
                .satisfies(e -> assertThat(((CadcException) e).isTransient()).isTrue());
    }

    @Test
    void everyEndpointStallingIsATimeout() {
        NameResolverStandIn stalling = standIn().fault(Fault.STALL);
        assertThatThrownBy(() -> resolver(Duration.ofMillis(500), endpoint(stalling)).resolve(known().name))
                .isInstanceOf(CadcTimeoutException.class)
                .hasMessageContaining("\"" + known().name + "\"")
                .hasMessageContaining("no answer within 500 ms");
    }

    @Test
    void aMovedEndpointIsAServiceErrorNotANotFoundAndIsNotSkipped() {
        NameResolverStandIn moved = standIn().fault(Fault.MOVED);
        NameResolverStandIn up = standIn();
        assertThatThrownBy(() -> resolver(SHORT, endpoint(moved), endpoint(up)).resolve(known().name))
                .isInstanceOf(ServiceException.class)
                .isNotInstanceOf(NotFoundException.class)
                .hasMessageContaining("404");
        assertThat(up.namesAsked()).isEmpty();
    }

    @Test
    void anHtmlPageIsAProtocolViolation() {
        NameResolverStandIn html = standIn().fault(Fault.HTML);
        assertThatThrownBy(() -> resolver(SHORT, endpoint(html)).resolve(known().name))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("\"" + known().name + "\"");
    }

    @Test
    void manyThreadsResolveAtOnce() throws Exception {
        NameResolverStandIn s = standIn();
        NameResolver r = resolver(NameResolution.DEFAULT_TIMEOUT, endpoint(s));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ResolvedName>> answers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                answers.add(pool.submit(() -> r.resolve(known().name)));
            }
            for (Future<ResolvedName> f : answers) {
                assertThat(f.get(30, TimeUnit.SECONDS).coordinates()).isEqualTo(known().position);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(s.namesAsked()).hasSize(32).containsOnly(known().name);
    }
}
