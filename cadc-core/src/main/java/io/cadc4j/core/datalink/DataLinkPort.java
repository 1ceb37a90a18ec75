// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.StandardId;
import io.cadc4j.core.registry.Capabilities;
import io.cadc4j.core.registry.Capability;
import io.cadc4j.core.registry.InterfaceChoice;
import io.cadc4j.core.sky.Circle;
import java.net.URI;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The port to a DataLink service: resolves identifiers (publisher DIDs) to links, builds SODA
 * cutout URLs from service descriptors, and downloads. {@code cadc-datalink} provides it through
 * {@link io.cadc4j.core.internal.port.DataLinkPortProvider}; the {@link io.cadc4j.core.internal.port.PortContext}'s
 * service URI is the DataLink {@code {links}} URL ({@link #linksUrl}).
 *
 * <p>Example:
 * <pre>{@code
 * URI links = DataLinkPort.linksUrl(capabilities, Set.of(SecurityMethod.ANONYMOUS)).orElseThrow();
 * DataLinkPort port = Providers.select(DataLinkPortProvider.class).create(PortContext.of(http, links));
 * LinkSet set = port.links(publisherIds);
 * set.errors().forEach(e -> System.err.println(e.id() + ": " + e.errorMessage().get()));
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
public interface DataLinkPort {

    /**
     * The links of some identifiers with the {@link LinkOptions#defaults() default options}.
     *
     * @param ids the identifiers
     * @return the rows grouped by identifier in the order given, error rows included
     * @throws io.cadc4j.core.CadcException if a call fails
     */
    default LinkSet links(Collection<String> ids) {
        return links(ids, LinkOptions.defaults());
    }

    /**
     * The links of some identifiers: calls of {@link LinkOptions#batchSize()} identifiers, at most
     * {@link LinkOptions#maxConcurrent()} at once; identifiers the service left out re-requested.
     * Repeated identifiers are asked once.
     *
     * @param ids the identifiers
     * @param options how to ask
     * @return the rows grouped by identifier in the order given, error rows included; an
     *     identifier the service never answered gets an error row saying so
     * @throws io.cadc4j.core.CadcException if a call fails
     */
    LinkSet links(Collection<String> ids, LinkOptions options);

    /**
     * The links of some identifiers, as {@link #links(Collection, LinkOptions)}, telling a listener
     * of each batch as it is resolved. The default tells it once, at the end, as one batch; the
     * HTTP adapter overrides it to tell of each call.
     *
     * @param ids the identifiers
     * @param options how to ask
     * @param listener told of each resolved batch (see {@link LinkListener} for its threads)
     * @return the rows grouped by identifier in the order given, error rows included
     * @throws io.cadc4j.core.CadcException if a call fails
     */
    default LinkSet links(Collection<String> ids, LinkOptions options, LinkListener listener) {
        Objects.requireNonNull(listener, "listener");
        LinkSet set = links(ids, options);
        LinkListeners.tellOnce(listener, ids, set);
        return set;
    }

    /**
     * The data links of some publisher DIDs, the way {@code astroquery.cadc}'s
     * {@code get_data_urls} finds them ({@code REQUEST=downloads-only}): the {@code #this} rows, or
     * with {@code withAuxiliaries} every row but packages; unlike astroquery, error rows are kept.
     *
     * @param publisherIds the identifiers
     * @param withAuxiliaries false for {@code #this} only, true for every non-package link
     * @return the rows with an access URL that pass, plus every error row, grouped by identifier
     * @throws io.cadc4j.core.CadcException if a call fails
     */
    LinkSet dataLinks(Collection<String> publisherIds, boolean withAuxiliaries);

    /**
     * The data links of some publisher DIDs, as {@link #dataLinks(Collection, boolean)}, telling a
     * listener of each batch as it is resolved, with the links that pass counted. The default tells
     * it once, at the end, as one batch; the HTTP adapter overrides it to tell of each call.
     *
     * @param publisherIds the identifiers
     * @param withAuxiliaries false for {@code #this} only, true for every non-package link
     * @param listener told of each resolved batch (see {@link LinkListener} for its threads)
     * @return the rows with an access URL that pass, plus every error row, grouped by identifier
     * @throws io.cadc4j.core.CadcException if a call fails
     */
    default LinkSet dataLinks(Collection<String> publisherIds, boolean withAuxiliaries, LinkListener listener) {
        Objects.requireNonNull(listener, "listener");
        LinkSet set = dataLinks(publisherIds, withAuxiliaries);
        LinkListeners.tellOnce(listener, publisherIds, set);
        return set;
    }

    /**
     * Cutout URLs of some publisher DIDs for a circle, the way {@code astroquery.cadc}'s
     * {@code get_image_list} builds them: for each {@code #cutout} row whose descriptor is a sync
     * SODA service, its access URL with the descriptor's fixed parameters ({@code ID}, and
     * {@code RUNID} when present) and {@code POS=CIRCLE ra dec r}, checked against the
     * descriptor's limits. An identifier without such a row, or whose circle misses the data,
     * gets an error row.
     *
     * @param publisherIds the identifiers
     * @param circle the region
     * @return one row per cutout URL (semantics {@code #cutout}, the URL in
     *     {@link DataLink#accessUrl()}), plus error rows, grouped by identifier
     * @throws io.cadc4j.core.CadcException if a call fails
     */
    LinkSet cutoutLinks(Collection<String> publisherIds, Circle circle);

    /**
     * Cutout URLs of some publisher DIDs for a circle, as {@link #cutoutLinks(Collection, Circle)},
     * telling a listener of each batch as it is resolved, with the cutout links counted. The
     * default tells it once, at the end, as one batch; the HTTP adapter overrides it to tell of
     * each call.
     *
     * @param publisherIds the identifiers
     * @param circle the region
     * @param listener told of each resolved batch (see {@link LinkListener} for its threads)
     * @return one row per cutout URL, plus error rows, grouped by identifier
     * @throws io.cadc4j.core.CadcException if a call fails
     */
    default LinkSet cutoutLinks(Collection<String> publisherIds, Circle circle, LinkListener listener) {
        Objects.requireNonNull(listener, "listener");
        LinkSet set = cutoutLinks(publisherIds, circle);
        LinkListeners.tellOnce(listener, publisherIds, set);
        return set;
    }

    /**
     * The URL of a sync SODA call: the descriptor's access URL, its parameters that have a value
     * (fixed or bound to the row), then the cut's parameters, each checked against the
     * descriptor's {@code VALUES} first.
     *
     * @param descriptor a bound descriptor, such as {@link DataLink#service()}
     * @param cut the cut
     * @return the URL
     * @throws IllegalArgumentException if the descriptor has no access URL, or a value of the cut
     *     lies outside the descriptor's limits (the message names the parameter and the range)
     */
    URI cutoutUrl(ServiceDescriptor descriptor, SodaCutout cut);

    /**
     * The downloader that fetches links through the same pipeline and credentials.
     *
     * @return the downloader
     */
    Downloader downloader();

    /**
     * The DataLink {@code {links}} URL from a service's capabilities: {@code DataLink#links-1.1},
     * else {@code #links-1.0}, through an interface the caller can use.
     *
     * @param capabilities the service's capabilities
     * @param held the security methods the caller holds ({@link SecurityMethod#ANONYMOUS} for none)
     * @return the URL, if the service offers DataLink through a usable interface
     */
    static Optional<URI> linksUrl(Capabilities capabilities, Set<SecurityMethod> held) {
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(held, "held");
        for (StandardId id : new StandardId[] {StandardId.DATALINK_1_1, StandardId.DATALINK_1_0}) {
            Optional<Capability> c = capabilities.find(id);
            if (c.isPresent()) {
                Optional<InterfaceChoice> choice = c.get().chooseInterface(held);
                if (choice.isPresent()) {
                    return Optional.of(choice.get().accessUrl());
                }
            }
        }
        return Optional.empty();
    }
}
