// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.sky.NameResolver;
import io.cadc4j.core.sky.ResolvedName;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NameCacheTest {
    private static final Coordinates M31 = Coordinates.of(10.684799, 41.269076);
    private final AtomicLong now = new AtomicLong(1_000);
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    private final NameResolver service = name -> {
        asked.add(name);
        if (down) {
            throw new TransportException("resolver down", null, true, null);
        }
        if (name.equals("M31")) {
            return ResolvedName.builder(name, M31, "ned").build();
        }
        throw new NotFoundException("\"" + name + "\" unknown (asked NED)", 425, null, null);
    };

    private NameCache cache(int size) {
        return new NameCache(service, size, Duration.ofHours(1), Duration.ofMinutes(5), now::get);
    }

    @Test
    void aLoopAsksOnce() {
        NameCache c = cache(10);
        for (int i = 0; i < 100; i++) {
            assertThat(c.resolve("M31").coordinates()).isEqualTo(M31);
        }
        assertThat(c.resolve(" M31 ").coordinates()).isEqualTo(M31);
        assertThat(asked).containsExactly("M31");
    }

    @Test
    void aFoundNameIsAskedAgainAfterItsTtl() {
        NameCache c = cache(10);
        c.resolve("M31");
        now.addAndGet(Duration.ofMinutes(59).toNanos());
        c.resolve("M31");
        assertThat(asked).hasSize(1);
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        c.resolve("M31");
        assertThat(asked).hasSize(2);
    }

    @Test
    void anUnknownNameIsKeptForTheShorterTimeWithTheResolversWords() {
        NameCache c = cache(10);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> c.resolve("Nowhere")).isInstanceOf(NotFoundException.class)
                    .hasMessage("\"Nowhere\" unknown (asked NED)")
                    .satisfies(e -> assertThat(((NotFoundException) e).status()).isEqualTo(425));
        }
        assertThat(asked).containsExactly("Nowhere");
        now.addAndGet(Duration.ofMinutes(5).toNanos() + 1);
        assertThatThrownBy(() -> c.resolve("Nowhere")).isInstanceOf(NotFoundException.class);
        assertThat(asked).containsExactly("Nowhere", "Nowhere");
    }

    @Test
    void aFailureIsNotKept() {
        NameCache c = cache(10);
        down = true;
        assertThatThrownBy(() -> c.resolve("M31")).isInstanceOf(TransportException.class);
        down = false;
        assertThat(c.resolve("M31").coordinates()).isEqualTo(M31);
        assertThat(asked).containsExactly("M31", "M31");
    }

    @Test
    void holdsAtMostItsSizeDroppingTheLeastRecentlyUsed() {
        NameCache c = cache(2);
        c.resolve("M31");
        assertThatThrownBy(() -> c.resolve("a")).isInstanceOf(NotFoundException.class);
        c.resolve("M31");
        assertThatThrownBy(() -> c.resolve("b")).isInstanceOf(NotFoundException.class);
        assertThat(c.size()).isEqualTo(2);
        c.resolve("M31");
        assertThatThrownBy(() -> c.resolve("a")).isInstanceOf(NotFoundException.class);
        assertThat(asked).containsExactly("M31", "a", "b", "a");
    }

    @Test
    void sizeZeroKeepsNothing() {
        NameCache c = cache(0);
        c.resolve("M31");
        c.resolve("M31");
        assertThat(asked).hasSize(2);
        assertThat(c.size()).isZero();
    }

    @Test
    void threadsAskingTheSameNameAtOnceShareOneLookUp() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> slowAsked = new CopyOnWriteArrayList<>();
        NameCache c = new NameCache(name -> {
            slowAsked.add(name);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ResolvedName.builder(name, M31, "ned").build();
        }, 10, Duration.ofHours(1), Duration.ofMinutes(5));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<ResolvedName>> answers = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> c.resolve("M31")));
            }
            while (slowAsked.isEmpty()) {
                Thread.sleep(5);
            }
            Thread.sleep(100);
            release.countDown();
            for (Future<ResolvedName> f : answers) {
                assertThat(f.get(10, TimeUnit.SECONDS).coordinates()).isEqualTo(M31);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(slowAsked).containsExactly("M31");
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> cache(10).resolve("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(asked).isEmpty();
    }
}
