// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.CadcInterruptedException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.TransportException;
import io.cadc4j.core.datalink.ChecksumMismatchException;
import io.cadc4j.core.datalink.DownloadListener;
import io.cadc4j.core.datalink.DownloadOptions;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.DownloadRequest;
import io.cadc4j.core.datalink.Downloader;
import io.cadc4j.core.datalink.FitsHeader;
import io.cadc4j.core.datalink.OverwritePolicy;
import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@link Downloader} over the core's {@link HttpPipeline}.
 *
 * <p>A download to a directory goes through a partial file named after the URL
 * ({@code <url name>.<8 hex digits of the URL's hash>.part}), so that two downloads whose URLs end
 * alike (SODA {@code .../sync?ID=...}) never share one, and a retry of the same URL finds its own.
 * Next to it, {@code .part.meta} keeps what a resume needs: the validator to send in
 * {@code If-Range} (a strong {@code ETag}, else {@code Last-Modified}; RFC 9110 §13.1.5 forbids
 * weak tags there) and the checksum the first answer announced. Without a validator, or when the
 * server did not announce {@code Accept-Ranges: bytes}, a partial file is not resumed but
 * restarted. A {@code 206} continues the file; a {@code 200} to a ranged request means the file
 * changed, and the download starts again from zero; a {@code 416} or a {@code Content-Range} that
 * does not start where the partial file ends also restarts.
 *
 * <p>Downloads ask for {@code Accept-Encoding: identity}, so that byte ranges and checksums refer
 * to the bytes that are stored.
 *
 * <p>Placing a finished file (the overwrite policy's existence check, then the move) happens under
 * one lock per downloader, so parallel downloads that want the same name end up as
 * {@code name}, {@code name-1}, ... and never overwrite each other by accident.
 *
 * <p>Thread-safe.
 */
public final class HttpDownloader implements Downloader {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.datalink");
    private static final Pattern CONTENT_RANGE = Pattern.compile("(?i)\\s*bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)\\s*");

    private final HttpPipeline http;
    private final Object placeLock = new Object();
    /** Partial files and staging directories in use; a second download of the same URL into the same directory waits. */
    private final Set<Path> busy = new HashSet<>();

    /**
     * Makes a downloader sending through a pipeline (with the caller's credentials in force).
     *
     * @param http the pipeline
     */
    public HttpDownloader(HttpPipeline http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public DownloadOutcome download(DownloadRequest request, DownloadOptions options, DownloadListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        DownloadOutcome outcome;
        try {
            outcome = run(request, options, listener);
        } catch (CadcException e) {
            finished(listener, DownloadOutcome.failed(request, e));
            throw e;
        }
        finished(listener, outcome);
        return outcome;
    }

    @Override
    public List<DownloadOutcome> downloadAll(List<DownloadRequest> requests, DownloadOptions options,
            DownloadListener listener) {
        List<DownloadRequest> todo = List.copyOf(Objects.requireNonNull(requests, "requests"));
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        DownloadOutcome[] outcomes = new DownloadOutcome[todo.size()];
        if (todo.isEmpty()) {
            return List.of();
        }
        int threads = Math.min(options.maxConcurrent(), todo.size());
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cadc4j-download-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        Deque<Integer> pending = new ArrayDeque<>();
        for (int i = 0; i < todo.size(); i++) {
            pending.add(i);
        }
        Map<String, Integer> perHost = new HashMap<>();
        int running = 0;
        try {
            // The caller's thread dispatches: it starts whichever pending download has a free
            // slot both overall and on its host, so a busy host never holds up the others.
            while (!pending.isEmpty() || running > 0) {
                for (Iterator<Integer> it = pending.iterator(); it.hasNext() && running < threads; ) {
                    int i = it.next();
                    String host = hostKey(todo.get(i).uri());
                    int onHost = perHost.getOrDefault(host, 0);
                    if (onHost < options.maxPerHost()) {
                        it.remove();
                        perHost.put(host, onHost + 1);
                        running++;
                        done.submit(() -> {
                            outcomes[i] = runReported(todo.get(i), options, listener);
                            return i;
                        });
                    }
                }
                Future<Integer> next = done.take();
                int i = next.get();
                running--;
                perHost.merge(hostKey(todo.get(i).uri()), -1, Integer::sum);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CadcInterruptedException(null, e);
        } catch (ExecutionException e) {
            // runReported turns every CadcException into an outcome; what is left is a bug or an Error.
            Throwable cause = e.getCause();
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("a download failed unexpectedly: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
        return List.of(outcomes);
    }

    private DownloadOutcome runReported(DownloadRequest request, DownloadOptions options, DownloadListener listener) {
        DownloadOutcome outcome;
        try {
            outcome = run(request, options, listener);
        } catch (CadcException e) {
            outcome = DownloadOutcome.failed(request, e);
        } catch (RuntimeException e) {
            outcome = DownloadOutcome.failed(request, new CadcException("the download of " + request.uri()
                    + " failed: " + e, request.uri(), false, e));
        }
        finished(listener, outcome);
        return outcome;
    }

    private DownloadOutcome run(DownloadRequest request, DownloadOptions options, DownloadListener listener) {
        if (request.sink().isPresent()) {
            return toSink(request, options, listener);
        }
        Path dir = request.directory().orElseThrow();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw diskFailure("creating the directory " + dir, request.uri(), e);
        }
        // Both the partial file and the staging directory are named after the URL: one key covers both.
        Path key = dir.toAbsolutePath().normalize().resolve(shortHash(request.uri()) + (request.extractArchive() ? "/x" : "/f"));
        claim(key, request.uri());
        try {
            return request.extractArchive() ? toArchive(request, dir, options, listener)
                    : toFile(request, dir, options, listener);
        } finally {
            synchronized (busy) {
                busy.remove(key);
                busy.notifyAll();
            }
        }
    }

    private void claim(Path key, URI uri) {
        synchronized (busy) {
            while (!busy.add(key)) {
                try {
                    busy.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CadcInterruptedException(uri, e);
                }
            }
        }
    }

    // ---------------------------------------------------------------- to a file

    private DownloadOutcome toFile(DownloadRequest request, Path dir, DownloadOptions options,
            DownloadListener listener) {
        URI uri = request.uri();
        String urlName = request.fileName().map(FileNames::sanitize)
                .orElseGet(() -> FileNames.sanitize(FileNames.fromUrl(uri).orElse(FileNames.FALLBACK)));
        if (request.fileName().isPresent() && options.overwrite() == OverwritePolicy.SKIP
                && Files.exists(dir.resolve(urlName), LinkOption.NOFOLLOW_LINKS)) {
            return DownloadOutcome.skipped(request, dir.resolve(urlName));
        }
        String key = urlName + "." + shortHash(uri);
        Path part = dir.resolve(key + ".part");
        Path meta = dir.resolve(key + ".part.meta");
        PartState state = options.resume() ? PartState.read(part, meta) : null;
        if (state == null) {
            discard(part, meta);
        }
        for (int attempt = 0; ; attempt++) {
            long offset = state == null ? 0 : size(part, uri);
            if (offset == 0) {
                state = null;
            }
            HttpResponse response = http.send(get(uri, offset, state));
            int status = response.status();
            if (offset > 0 && attempt == 0 && (status == 416 || status == 206 && !rangeStartsAt(response, offset))) {
                LOG.log(Level.DEBUG, "{0} answered {1} to a resume from byte {2}; starting again", uri, status, offset);
                response.close();
                discard(part, meta);
                state = null;
                continue;
            }
            if (status < 200 || status >= 300) {
                throw HttpPipeline.errorFor(response);
            }
            try (response) {
                if (status == 206 && offset == 0) {
                    throw new ProtocolViolationException(uri + " answered 206 Partial Content to a request for the"
                            + " whole file", uri, null);
                }
                return receiveFile(request, dir, urlName, part, meta, state, status == 206 ? offset : 0, response,
                        options, listener);
            }
        }
    }

    private DownloadOutcome receiveFile(DownloadRequest request, Path dir, String urlName, Path part, Path meta,
            PartState state, long offset, HttpResponse response, DownloadOptions options, DownloadListener listener) {
        URI uri = request.uri();
        HttpHeaders headers = response.headers();
        boolean resumed = offset > 0;
        String name = fileName(request, headers, urlName);
        Path target = dir.resolve(name);
        if (options.overwrite() == OverwritePolicy.SKIP && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return DownloadOutcome.skipped(request, target);
        }
        Checksum expected = null;
        if (options.verifyChecksums()) {
            expected = Checksum.fromHeaders(headers, !resumed)
                    .orElse(resumed && state != null ? state.checksum : null);
        }
        OptionalLong total = resumed ? contentRangeTotal(headers) : headers.firstValueAsLong("Content-Length");
        OptionalLong bodyLength = headers.firstValueAsLong("Content-Length");
        if (!resumed) {
            writeState(meta, headers, expected, options, uri);
        }
        MessageDigest digest = expected == null ? null : expected.newDigest();
        if (resumed && digest != null) {
            digestFile(part, digest, uri);
        }
        started(listener, request, name, offset);
        BodyStreams.Counting body = new BodyStreams.Counting(response.body(), digest, offset,
                n -> progress(listener, request, n, total));
        try (OutputStream out = resumed
                ? Files.newOutputStream(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                : Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            copy(body, out);
        } catch (BodyStreams.BodyReadException e) {
            throw brokeOff(uri, body.count(), total, part, e);
        } catch (IOException e) {
            throw diskFailure("writing " + part, uri, e);
        }
        body.reportNow();
        long received = body.count() - offset;
        if (bodyLength.isPresent() && received < bodyLength.getAsLong()) {
            throw brokeOff(uri, body.count(), total, part, null);
        }
        verify(expected, digest, uri, part, meta);
        FitsHeader fits = null;
        if (request.expectFits()) {
            try {
                fits = FitsCheck.checkFile(part, uri, response.status());
            } catch (CadcException e) {
                discard(part, meta);
                throw e;
            } catch (IOException e) {
                throw diskFailure("reading " + part, uri, e);
            }
        }
        Optional<Path> placed = place(part, target, options.overwrite(), false, uri);
        discard(meta);
        if (placed.isEmpty()) {
            return DownloadOutcome.skipped(request, target);
        }
        return DownloadOutcome.done(request, placed.get(), body.count(), fits);
    }

    private static HttpRequest get(URI uri, long offset, PartState state) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().header("Accept-Encoding", "identity");
        if (offset > 0 && state != null) {
            b.header("Range", "bytes=" + offset + "-").header("If-Range", state.validator);
        }
        return b.build();
    }

    private static boolean rangeStartsAt(HttpResponse response, long offset) {
        Matcher m = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
        return m.matches() && Long.parseLong(m.group(1)) == offset;
    }

    private static OptionalLong contentRangeTotal(HttpHeaders headers) {
        Matcher m = CONTENT_RANGE.matcher(headers.firstValue("Content-Range").orElse(""));
        return m.matches() && !m.group(3).equals("*") ? OptionalLong.of(Long.parseLong(m.group(3)))
                : OptionalLong.empty();
    }

    private static void writeState(Path meta, HttpHeaders headers, Checksum expected, DownloadOptions options, URI uri) {
        boolean ranges = headers.allValues("Accept-Ranges").stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("bytes"));
        String etag = headers.firstValue("ETag").map(String::strip).orElse("");
        String validator = !etag.isEmpty() && !etag.startsWith("W/") ? etag
                : headers.firstValue("Last-Modified").map(String::strip).orElse("");
        if (!options.resume() || !ranges || validator.isEmpty()) {
            discard(meta);
            return;
        }
        Properties p = new Properties();
        p.setProperty("validator", validator);
        if (expected != null) {
            p.setProperty("checksum", expected.serialize());
        }
        try (Writer w = Files.newBufferedWriter(meta, StandardCharsets.UTF_8)) {
            p.store(w, "cadc4j partial download");
        } catch (IOException e) {
            throw diskFailure("writing " + meta, uri, e);
        }
    }

    private static void digestFile(Path part, MessageDigest digest, URI uri) {
        try (InputStream in = Files.newInputStream(part)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw diskFailure("reading " + part, uri, e);
        }
    }

    private static void verify(Checksum expected, MessageDigest digest, URI uri, Path part, Path meta) {
        if (expected == null) {
            return;
        }
        byte[] actual = digest.digest();
        if (!expected.matches(actual)) {
            discard(part, meta);
            throw new ChecksumMismatchException(uri, expected.algorithm(), expected.expectedHex(), Checksum.hex(actual));
        }
    }

    // ---------------------------------------------------------------- to a sink

    private DownloadOutcome toSink(DownloadRequest request, DownloadOptions options, DownloadListener listener) {
        URI uri = request.uri();
        HttpResponse response = http.send(get(uri, 0, null));
        if (response.status() < 200 || response.status() >= 300) {
            throw HttpPipeline.errorFor(response);
        }
        try (response) {
            HttpHeaders headers = response.headers();
            String urlName = FileNames.sanitize(FileNames.fromUrl(uri).orElse(FileNames.FALLBACK));
            String name = fileName(request, headers, urlName);
            OptionalLong total = headers.firstValueAsLong("Content-Length");
            Checksum expected = options.verifyChecksums() ? Checksum.fromHeaders(headers, true).orElse(null) : null;
            MessageDigest digest = expected == null ? null : expected.newDigest();
            started(listener, request, name, 0);
            BodyStreams.Counting body = new BodyStreams.Counting(response.body(), digest, 0,
                    n -> progress(listener, request, n, total));
            FitsHeader fits = null;
            OutputStream out = null;
            try {
                byte[] head = new byte[0];
                if (request.expectFits()) {
                    // Read the header before the sink sees a byte, so an error page never reaches it.
                    BodyStreams.Recording recording = new BodyStreams.Recording(body);
                    fits = FitsCheck.readHeader(recording, uri, response.status());
                    head = recording.recorded();
                }
                out = request.sink().orElseThrow().open(name, total);
                out.write(head);
                copy(body, out);
                out.close();
            } catch (BodyStreams.BodyReadException e) {
                closeQuietly(out);
                throw new TransportException("the download of " + uri + " broke off after " + body.count() + " bytes"
                        + total(total) + ": " + e.getMessage(), uri, true, e);
            } catch (IOException e) {
                closeQuietly(out);
                throw new CadcException("writing the body of " + uri + " to the caller's sink failed: " + e, uri, false,
                        e);
            }
            body.reportNow();
            if (total.isPresent() && body.count() < total.getAsLong()) {
                throw new TransportException("the download of " + uri + " broke off after " + body.count() + " bytes"
                        + total(total), uri, true, null);
            }
            if (expected != null) {
                byte[] actual = digest.digest();
                if (!expected.matches(actual)) {
                    throw new ChecksumMismatchException(uri, expected.algorithm(), expected.expectedHex(),
                            Checksum.hex(actual));
                }
            }
            return DownloadOutcome.done(request, null, body.count(), fits);
        }
    }

    // ---------------------------------------------------------------- a package archive

    private DownloadOutcome toArchive(DownloadRequest request, Path dir, DownloadOptions options,
            DownloadListener listener) {
        URI uri = request.uri();
        HttpResponse response = http.send(get(uri, 0, null));
        if (response.status() < 200 || response.status() >= 300) {
            throw HttpPipeline.errorFor(response);
        }
        try (response) {
            HttpHeaders headers = response.headers();
            String urlName = FileNames.sanitize(FileNames.fromUrl(uri).orElse(FileNames.FALLBACK));
            String name = fileName(request, headers, urlName);
            String dirName = FileNames.sanitize(FileNames.withoutArchiveExtension(name));
            Path target = dir.resolve(dirName);
            if (options.overwrite() == OverwritePolicy.SKIP && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return DownloadOutcome.skipped(request, target);
            }
            Path staging = dir.resolve("." + dirName + "." + shortHash(uri) + ".extracting");
            deleteTree(staging, uri);
            OptionalLong total = headers.firstValueAsLong("Content-Length");
            Checksum expected = options.verifyChecksums() ? Checksum.fromHeaders(headers, true).orElse(null) : null;
            MessageDigest digest = expected == null ? null : expected.newDigest();
            started(listener, request, dirName, 0);
            BodyStreams.Counting body = new BodyStreams.Counting(response.body(), digest, 0,
                    n -> progress(listener, request, n, total));
            boolean placed = false;
            try {
                ArchiveExtractor extractor = new ArchiveExtractor(staging, uri, options.maxExtractedBytes(),
                        options.maxArchiveEntries());
                extractor.extract(body);
                // A zip's central directory follows its last entry: it counts for the checksum too.
                body.transferTo(OutputStream.nullOutputStream());
                body.reportNow();
                if (total.isPresent() && body.count() < total.getAsLong()) {
                    throw new TransportException("the download of " + uri + " broke off after " + body.count()
                            + " bytes" + total(total), uri, true, null);
                }
                if (expected != null) {
                    byte[] actual = digest.digest();
                    if (!expected.matches(actual)) {
                        throw new ChecksumMismatchException(uri, expected.algorithm(), expected.expectedHex(),
                                Checksum.hex(actual));
                    }
                }
                Optional<Path> where = place(staging, target, options.overwrite(), true, uri);
                placed = true;
                if (where.isEmpty()) {
                    return DownloadOutcome.skipped(request, target);
                }
                LOG.log(Level.DEBUG, "extracted {0} entries, {1} bytes, from {2} into {3}", extractor.entries(),
                        extractor.extractedBytes(), uri, where.get());
                return DownloadOutcome.done(request, where.get(), body.count(), null);
            } catch (BodyStreams.BodyReadException e) {
                throw new TransportException("the download of " + uri + " broke off after " + body.count() + " bytes"
                        + total(total) + ": " + e.getMessage(), uri, true, e);
            } catch (IOException e) {
                throw new ProtocolViolationException("extracting the package from " + uri + " failed: " + e, uri, e);
            } finally {
                if (!placed) {
                    deleteTree(staging, uri);
                }
            }
        }
    }

    // ---------------------------------------------------------------- shared

    private static String fileName(DownloadRequest request, HttpHeaders headers, String urlName) {
        if (request.fileName().isPresent()) {
            return FileNames.sanitize(request.fileName().get());
        }
        return headers.firstValue("Content-Disposition").flatMap(FileNames::fromContentDisposition)
                .map(FileNames::sanitize).orElse(urlName);
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
        }
    }

    /**
     * Moves a finished file or extracted directory into place under the overwrite policy.
     *
     * @return where it went, or empty when the policy is SKIP and the target appeared meanwhile
     *     (the source is then deleted)
     */
    private Optional<Path> place(Path source, Path target, OverwritePolicy policy, boolean directory, URI uri) {
        synchronized (placeLock) {
            Path dest = target;
            boolean replace = false;
            if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
                switch (policy) {
                    case SKIP:
                        if (directory) {
                            deleteTree(source, uri);
                        } else {
                            discard(source);
                        }
                        return Optional.empty();
                    case OVERWRITE:
                        replace = true;
                        if (directory || Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
                            deleteTree(dest, uri);
                            replace = false;
                        }
                        break;
                    case RENAME:
                    default:
                        String name = target.getFileName().toString();
                        for (int n = 1; Files.exists(dest, LinkOption.NOFOLLOW_LINKS); n++) {
                            dest = target.resolveSibling(FileNames.numbered(name, n));
                        }
                        break;
                }
            }
            try {
                try {
                    Files.move(source, dest, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    if (replace) {
                        Files.move(source, dest, StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        Files.move(source, dest);
                    }
                }
            } catch (IOException e) {
                throw diskFailure("moving " + source + " to " + dest, uri, e);
            }
            return Optional.of(dest);
        }
    }

    private static long size(Path part, URI uri) {
        try {
            return Files.exists(part) ? Files.size(part) : 0;
        } catch (IOException e) {
            throw diskFailure("reading the size of " + part, uri, e);
        }
    }

    private static void discard(Path... files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not delete {0}: {1}", f, e.toString());
            }
        }
    }

    private static void deleteTree(Path root, URI uri) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // Files.walk does not follow symbolic links, so a link is deleted, never what it points to.
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw diskFailure("deleting " + root, uri, e);
        }
    }

    private static void closeQuietly(OutputStream out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing a sink after a failure: {0}", e.toString());
            }
        }
    }

    private static CadcException diskFailure(String what, URI uri, IOException e) {
        return new CadcException(what + " for the download of " + uri + " failed: " + e, uri, false, e);
    }

    private static TransportException brokeOff(URI uri, long bytes, OptionalLong total, Path part, IOException e) {
        return new TransportException("the download of " + uri + " broke off after " + bytes + " bytes" + total(total)
                + (e != null ? " (" + e.getMessage() + ")" : "") + "; the partial file " + part
                + " is kept to resume from", uri, true, e);
    }

    private static String total(OptionalLong total) {
        return total.isPresent() ? " of " + total.getAsLong() : "";
    }

    private static String hostKey(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":"
                + uri.getPort();
    }

    /** Eight hex digits of the URL's SHA-256: enough to keep partial files of different URLs apart. */
    static String shortHash(URI uri) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(uri.toString().getBytes(StandardCharsets.UTF_8));
            return Checksum.hex(Arrays.copyOf(h, 4));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void started(DownloadListener l, DownloadRequest r, String name, long offset) {
        try {
            l.started(r, name, offset);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a download listener failed: {0}", e.toString());
        }
    }

    private static void progress(DownloadListener l, DownloadRequest r, long bytes, OptionalLong total) {
        try {
            l.progress(r, bytes, total);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a download listener failed: {0}", e.toString());
        }
    }

    private static void finished(DownloadListener l, DownloadOutcome outcome) {
        try {
            l.finished(outcome);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a download listener failed: {0}", e.toString());
        }
    }

    /** What a resume needs, read from the {@code .part.meta} file next to a partial download. */
    private static final class PartState {
        final String validator;
        final Checksum checksum;

        private PartState(String validator, Checksum checksum) {
            this.validator = validator;
            this.checksum = checksum;
        }

        /** The state of a resumable partial file, or null when there is none to resume. */
        static PartState read(Path part, Path meta) {
            if (!Files.isRegularFile(part) || !Files.isRegularFile(meta)) {
                return null;
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(Level.DEBUG, "ignoring the unreadable {0}: {1}", meta, e.toString());
                return null;
            }
            String validator = p.getProperty("validator", "").strip();
            if (validator.isEmpty()) {
                return null;
            }
            Checksum checksum = Optional.ofNullable(p.getProperty("checksum")).flatMap(Checksum::deserialize)
                    .orElse(null);
            return new PartState(validator, checksum);
        }
    }

    @Override
    public String toString() {
        return "HttpDownloader";
    }
}
