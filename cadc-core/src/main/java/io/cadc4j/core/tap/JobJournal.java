// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.internal.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A local record of the asynchronous jobs this machine created, so a job outlives the process
 * that made it (Ctrl-C, a crash, a lost connection): one small file per job in a directory, by
 * default {@code $XDG_STATE_HOME/cadc4j/jobs} ({@code ~/.local/state/cadc4j/jobs}).
 *
 * <p>Each file is written whole into a temporary file and moved into place, so a reader never
 * sees half an entry, and two processes writing at once touch different files (a job's file is
 * named by its URL). Entries hold the service, the job's URL and id, the query, when it was made,
 * the owner (a user name or {@code anonymous}, never a secret), the last phase seen, the result's
 * location once known and the service's destruction time; {@link #prune(Instant)} forgets those
 * past it.
 *
 * <pre>{@code
 * try (Cadc cadc = Cadc.builder().jobJournal(JobJournal.defaultDirectory(System.getenv(), home)).build()) {
 *     AsyncJob job = cadc.createAsync("select count(*) from caom2.Plane");   // recorded now
 * }
 * }</pre>
 *
 * <p>Thread-safe; safe with other processes using the same directory.
 */
public final class JobJournal {
    /** How long an entry whose service gave no destruction time is kept. */
    public static final Duration UNKNOWN_DESTRUCTION_KEEP = Duration.ofDays(30);
    private static final String SUFFIX = ".job";

    private final Path directory;

    private JobJournal(Path directory) {
        this.directory = directory;
    }

    /**
     * A journal in a directory, made (with its parents) on the first write.
     *
     * @param directory the directory
     * @return the journal
     */
    public static JobJournal at(Path directory) {
        return new JobJournal(Objects.requireNonNull(directory, "directory").toAbsolutePath());
    }

    /**
     * The default directory: {@code $XDG_STATE_HOME/cadc4j/jobs} when that variable holds an
     * absolute path, else {@code HOME/.local/state/cadc4j/jobs}.
     *
     * @param environment the environment variables
     * @param home the user's home directory
     * @return the directory
     */
    public static Path defaultDirectory(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : home.resolve(".local").resolve("state");
        return base.resolve("cadc4j").resolve("jobs");
    }

    /** @return the directory the entries live in */
    public Path directory() {
        return directory;
    }

    /**
     * Writes an entry, replacing the one for the same job URL.
     *
     * @param entry the entry
     * @throws CadcException if the file cannot be written
     */
    public void record(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CadcException("cannot make the job journal directory " + directory + ": " + e.getMessage(),
                    null, false, e);
        }
        Properties p = entry.toProperties();
        AtomicFiles.write(fileOf(entry.jobUrl()), out -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (Writer w = new OutputStreamWriter(b, StandardCharsets.UTF_8)) {
                p.store(w, "cadc4j job journal entry");
            }
            out.write(b.toByteArray());
        });
    }

    /**
     * Every entry, oldest first. Files that cannot be read (being replaced, damaged) are skipped.
     *
     * @return the entries
     */
    public List<Entry> entries() {
        List<Entry> found = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "[!.]*" + SUFFIX)) {
            for (Path f : files) {
                read(f).ifPresent(found::add);
            }
        } catch (IOException e) {
            throw new CadcException("cannot list the job journal " + directory + ": " + e.getMessage(), null, false, e);
        }
        found.sort(Comparator.comparing(Entry::created).thenComparing(Entry::jobId));
        return found;
    }

    /**
     * Finds a job by its id or its URL; an id several services share gives the newest.
     *
     * @param idOrUrl the job id, or its URL
     * @return the entry, if recorded
     */
    public Optional<Entry> find(String idOrUrl) {
        Objects.requireNonNull(idOrUrl, "idOrUrl");
        Entry best = null;
        for (Entry e : entries()) {
            if (e.jobId().equals(idOrUrl) || e.jobUrl().toString().equals(idOrUrl)) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Forgets a job.
     *
     * @param jobUrl the job's URL
     * @return whether there was an entry
     */
    public boolean remove(URI jobUrl) {
        try {
            return Files.deleteIfExists(fileOf(jobUrl));
        } catch (IOException e) {
            throw new CadcException("cannot remove " + fileOf(jobUrl) + " from the job journal: " + e.getMessage(),
                    null, false, e);
        }
    }

    /**
     * Forgets the jobs the service has destroyed by now: those past their destruction time, or,
     * when the service gave none, made more than {@link #UNKNOWN_DESTRUCTION_KEEP} ago.
     *
     * @param now the time now
     * @return how many entries were removed
     */
    public int prune(Instant now) {
        int removed = 0;
        for (Entry e : entries()) {
            Instant end = e.destruction().orElse(e.created().plus(UNKNOWN_DESTRUCTION_KEEP));
            if (end.isBefore(now) && remove(e.jobUrl())) {
                removed++;
            }
        }
        return removed;
    }

    private Path fileOf(URI jobUrl) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(jobUrl.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                name.append(String.format("%02x", d[i]));
            }
            return directory.resolve(name + SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static Optional<Entry> read(Path f) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return Optional.of(Entry.fromProperties(p));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "JobJournal[" + directory + "]";
    }

    /**
     * One recorded job.
     *
     * <p>Immutable and thread-safe.
     */
    public static final class Entry {
        private final URI service;
        private final URI jobUrl;
        private final String jobId;
        private final String query;
        private final long maxRecords;
        private final Instant created;
        private final String owner;
        private final String phase;
        private final URI result;
        private final Instant destruction;

        private Entry(URI service, URI jobUrl, String jobId, String query, long maxRecords, Instant created,
                String owner, String phase, URI result, Instant destruction) {
            this.service = Objects.requireNonNull(service, "service");
            this.jobUrl = Objects.requireNonNull(jobUrl, "jobUrl");
            this.jobId = Objects.requireNonNull(jobId, "jobId");
            this.query = Objects.requireNonNull(query, "query");
            this.maxRecords = maxRecords;
            this.created = Objects.requireNonNull(created, "created");
            this.owner = Objects.requireNonNull(owner, "owner");
            this.phase = Objects.requireNonNull(phase, "phase");
            this.result = result;
            this.destruction = destruction;
        }

        /**
         * An entry for a job just created.
         *
         * @param service the TAP service's base URL
         * @param job the job
         * @param query the query it runs
         * @param owner a user name, or {@code anonymous}
         * @param created when it was made
         * @return the entry, in phase PENDING
         */
        public static Entry of(URI service, AsyncJob job, TapQuery query, String owner, Instant created) {
            return new Entry(service, job.uri(), job.id(), query.adql(), query.maxRecords().orElse(-1), created,
                    owner, ExecutionPhase.PENDING.name(), null, null);
        }

        /**
         * The same entry with what the service last said of the job.
         *
         * @param seen the phase seen
         * @param resultUrl the main result's URL, or null when not known
         * @param destroyAt the destruction time, or null when not known
         * @return the new entry
         */
        public Entry seen(ExecutionPhase seen, URI resultUrl, Instant destroyAt) {
            return new Entry(service, jobUrl, jobId, query, maxRecords, created, owner, seen.name(),
                    resultUrl != null ? resultUrl : result, destroyAt != null ? destroyAt : destruction);
        }

        /** @return the TAP service's base URL */
        public URI service() {
            return service;
        }

        /** @return the job's URL */
        public URI jobUrl() {
            return jobUrl;
        }

        /** @return the job id */
        public String jobId() {
            return jobId;
        }

        /** @return the ADQL query */
        public String query() {
            return query;
        }

        /** @return the MAXREC the query asked for, if any */
        public OptionalLong maxRecords() {
            return maxRecords < 0 ? OptionalLong.empty() : OptionalLong.of(maxRecords);
        }

        /** @return when the job was created */
        public Instant created() {
            return created;
        }

        /** @return the owner: a user name or {@code anonymous} */
        public String owner() {
            return owner;
        }

        /** @return the last phase seen (a UWS phase name) */
        public String phase() {
            return phase;
        }

        /** @return the main result's URL, once known */
        public Optional<URI> result() {
            return Optional.ofNullable(result);
        }

        /** @return when the service will destroy the job, if it said */
        public Optional<Instant> destruction() {
            return Optional.ofNullable(destruction);
        }

        private Properties toProperties() {
            Map<String, String> m = new TreeMap<>();
            m.put("service", service.toString());
            m.put("job.url", jobUrl.toString());
            m.put("job.id", jobId);
            m.put("query", query);
            if (maxRecords >= 0) {
                m.put("maxrec", Long.toString(maxRecords));
            }
            m.put("created", created.toString());
            m.put("owner", owner);
            m.put("phase", phase);
            if (result != null) {
                m.put("result", result.toString());
            }
            if (destruction != null) {
                m.put("destruction", destruction.toString());
            }
            Properties p = new Properties();
            p.putAll(m);
            return p;
        }

        private static Entry fromProperties(Properties p) {
            try {
                String maxrec = p.getProperty("maxrec");
                String result = p.getProperty("result");
                String destruction = p.getProperty("destruction");
                return new Entry(URI.create(p.getProperty("service")), URI.create(p.getProperty("job.url")),
                        p.getProperty("job.id"), p.getProperty("query"), maxrec == null ? -1 : Long.parseLong(maxrec),
                        Instant.parse(p.getProperty("created")), p.getProperty("owner"), p.getProperty("phase"),
                        result == null ? null : URI.create(result), destruction == null ? null : Instant.parse(destruction));
            } catch (NullPointerException | IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("not a job journal entry: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Entry)) {
                return false;
            }
            Entry e = (Entry) o;
            return service.equals(e.service) && jobUrl.equals(e.jobUrl) && jobId.equals(e.jobId)
                    && query.equals(e.query) && maxRecords == e.maxRecords && created.equals(e.created)
                    && owner.equals(e.owner) && phase.equals(e.phase) && Objects.equals(result, e.result)
                    && Objects.equals(destruction, e.destruction);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobUrl, phase);
        }

        @Override
        public String toString() {
            return "JobJournal.Entry[" + jobId + " " + phase + " " + jobUrl + "]";
        }
    }
}
