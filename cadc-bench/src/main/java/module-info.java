// SPDX-License-Identifier: Apache-2.0
/**
 * JMH benchmarks of cadc4j against peer libraries.
 * They arrive with issue #3; until then the module holds only its descriptor.
 */
module io.cadc4j.bench {
    requires io.cadc4j.core;
}
