// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import java.util.Collection;
import java.util.List;

/**
 * The port to a DataLink service: resolves identifiers (publisher DIDs) to links.
 * {@code cadc-datalink} provides it through {@link io.cadc4j.core.spi.DataLinkPortProvider}.
 *
 * <p>Implementations are thread-safe.
 */
public interface DataLinkPort {

    /**
     * The links of some identifiers, error rows included, grouped by identifier in the order the
     * identifiers were given.
     *
     * @param ids the identifiers
     * @return the rows
     */
    List<DataLink> links(Collection<String> ids);
}
