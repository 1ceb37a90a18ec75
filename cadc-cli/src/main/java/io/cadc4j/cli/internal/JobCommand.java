// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.CadcException;
import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ServiceLocation;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.ExecutionPhase;
import io.cadc4j.core.tap.JobInfo;
import io.cadc4j.core.tap.JobJournal;
import io.cadc4j.core.tap.JobListFilter;
import io.cadc4j.core.tap.JobReference;
import io.cadc4j.core.tap.TapQuery;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cadc job ...}: asynchronous (UWS) jobs, one step at a time. Single-threaded. */
@Command(name = "job", mixinStandardHelpOptions = true,
        description = "Asynchronous query jobs: create, run, wait, status, result, abort, delete, list, resume.",
        subcommands = {JobCommand.Create.class, JobCommand.Run.class, JobCommand.Wait.class, JobCommand.Status.class,
            JobCommand.Result.class, JobCommand.Abort.class, JobCommand.Delete.class, JobCommand.ListJobs.class,
            JobCommand.Resume.class})
final class JobCommand implements Callable<Integer> {
    @ParentCommand
    CadcCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(root.err);
        return ExitCodes.USAGE;
    }

    /** Runs an action on one loaded job. */
    abstract static class OnJob implements Callable<Integer> {
        @ParentCommand
        JobCommand job;

        @Parameters(paramLabel = "JOB", description = "The job id (or its URL).")
        String id;

        @Override
        public Integer call() {
            try (Cadc cadc = job.root.open()) {
                AsyncJob j = id.startsWith("http://") || id.startsWith("https://")
                        ? cadc.loadAsyncJob(java.net.URI.create(id)) : cadc.loadAsyncJob(id);
                return act(j);
            }
        }

        abstract int act(AsyncJob j);
    }

    /** {@code job create}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a job (PENDING unless --run) and print its id.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        JobCommand job;

        @Option(names = "--maxrec", paramLabel = "N", description = "Row limit (MAXREC).")
        Long maxrec;

        @Option(names = "--upload", paramLabel = "NAME=FILE", description = "A table to send, as TAP_UPLOAD.NAME.")
        List<String> uploads = new ArrayList<>();

        @Option(names = "--run", description = "Start the job at once.")
        boolean run;

        @Parameters(paramLabel = "ADQL", description = "The query.")
        String adql;

        @Override
        public Integer call() {
            TapQuery.Builder o = TapQuery.builder(adql);
            if (maxrec != null) {
                o.maxRecords(maxrec);
            }
            CadcCommand.addUploads(uploads, o);
            try (Cadc cadc = job.root.open()) {
                AsyncJob j = cadc.createAsync(o.build());
                if (run) {
                    j.run();
                }
                job.root.out.println(j.id());
                return ExitCodes.OK;
            }
        }
    }

    /** {@code job run}. */
    @Command(name = "run", mixinStandardHelpOptions = true, description = "Start a pending job.")
    static final class Run extends OnJob {
        @Override
        int act(AsyncJob j) {
            j.run();
            return ExitCodes.OK;
        }
    }

    /** {@code job wait}. */
    @Command(name = "wait", mixinStandardHelpOptions = true,
            description = "Wait for a job to finish (up to --timeout, default 1 h) and print its phase; "
                    + "a failed job exits with the query code and its error.")
    static final class Wait extends OnJob {
        @Override
        int act(AsyncJob j) {
            CadcCommand root = job.root;
            ExecutionPhase phase = Jobs.await(j, root.jobWait(), root.err,
                    root.liveProgress());
            root.out.println(phase);
            j.raiseIfError();
            return ExitCodes.OK;
        }
    }

    /** {@code job status}. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Print a job's description.")
    static final class Status extends OnJob {
        @Override
        int act(AsyncJob j) {
            JobInfo i = j.info();
            MemoryTable t = new MemoryTable("field", "value");
            t.add("job", i.jobId()).add("url", j.uri().toString()).add("phase", i.phase().name());
            i.ownerId().ifPresent(v -> t.add("owner", v));
            i.runId().ifPresent(v -> t.add("runId", v));
            i.creationTime().ifPresent(v -> t.add("created", v.toString()));
            i.startTime().ifPresent(v -> t.add("started", v.toString()));
            i.endTime().ifPresent(v -> t.add("ended", v.toString()));
            i.destruction().ifPresent(v -> t.add("destruction", v.toString()));
            i.parameter("QUERY").ifPresent(v -> t.add("query", v.strip().replaceAll("\\s+", " ")));
            i.errorSummary().ifPresent(e -> t.add("error", e.toString()));
            return job.root.emit(t.cursor(), -1);
        }
    }

    /** {@code job result}. */
    @Command(name = "result", mixinStandardHelpOptions = true, description = "Print a finished job's result.")
    static final class Result extends OnJob {
        @Override
        int act(AsyncJob j) {
            j.raiseIfError();
            return job.root.emit(j.fetchResult(), -1);
        }
    }

    /** {@code job abort}. */
    @Command(name = "abort", mixinStandardHelpOptions = true, description = "Stop a job.")
    static final class Abort extends OnJob {
        @Override
        int act(AsyncJob j) {
            j.abort();
            return ExitCodes.OK;
        }
    }

    /** {@code job delete}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a job.")
    static final class Delete extends OnJob {
        @Override
        int act(AsyncJob j) {
            j.delete();
            return ExitCodes.OK;
        }
    }

    /** {@code job list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List your jobs (the service may refuse anonymous listings).")
    static final class ListJobs implements Callable<Integer> {
        @ParentCommand
        JobCommand job;

        @Option(names = "--phase", paramLabel = "PHASE", description = "Only jobs in these phases (repeatable).")
        List<ExecutionPhase> phases = new ArrayList<>();

        @Option(names = "--after", paramLabel = "TIME", description = "Only jobs created after this UTC time "
                + "(ISO-8601, e.g. 2026-11-21T00:00:00Z).")
        String after;

        @Option(names = "--last", paramLabel = "N", description = "Only the N most recent jobs.")
        Integer last;

        @Option(names = "--full", description = "Load each job for its query and end time.")
        boolean full;

        @Option(names = "--local", description = "List the jobs this machine's journal holds (made by cadc query "
                + "--async and the like), each with its phase asked afresh of its service, or 'destroyed' or "
                + "'unreachable'.")
        boolean local;

        @Override
        public Integer call() {
            if (local) {
                return listLocal();
            }
            JobListFilter.Builder f = JobListFilter.builder().phases(phases.toArray(new ExecutionPhase[0]));
            if (after != null) {
                try {
                    f.after(Instant.parse(after));
                } catch (DateTimeParseException e) {
                    throw new ExitCodes.UsageException("--after: not an ISO-8601 UTC time: '" + after + "'");
                }
            }
            if (last != null) {
                f.last(last);
            }
            try (Cadc cadc = job.root.open()) {
                List<JobReference> jobs = cadc.listAsyncJobs(f.build(), !full);
                MemoryTable t = full ? new MemoryTable("job", "phase", "created", "ended", "owner", "query")
                        : new MemoryTable("job", "phase", "created", "owner", "runId");
                Function<Object, String> s = v -> v == null ? null : v.toString();
                for (JobReference r : jobs) {
                    String phase = r.phase().map(Enum::name).orElse(null);
                    String created = s.apply(r.creationTime().orElse(null));
                    if (full) {
                        JobInfo i = r.details().orElseThrow();
                        t.add(r.id(), phase, created, s.apply(i.endTime().orElse(null)), r.ownerId().orElse(null),
                                i.parameter("QUERY").map(q -> q.strip().replaceAll("\\s+", " ")).orElse(null));
                    } else {
                        t.add(r.id(), phase, created, r.ownerId().orElse(null), r.runId().orElse(null));
                    }
                }
                return job.root.emit(t.cursor(), -1);
            }
        }

        private int listLocal() {
            CadcCommand root = job.root;
            JobJournal journal = root.journal();
            journal.prune(Instant.now());
            MemoryTable t = new MemoryTable("job", "phase", "created", "owner", "url", "query");
            Map<URI, List<JobJournal.Entry>> byService = new LinkedHashMap<>();
            for (JobJournal.Entry e : journal.entries()) {
                byService.computeIfAbsent(e.service(), k -> new ArrayList<>()).add(e);
            }
            for (Map.Entry<URI, List<JobJournal.Entry>> service : byService.entrySet()) {
                Cadc cadc = null;
                try {
                    cadc = root.openAt(service.getKey());
                } catch (RuntimeException e) {
                    root.err.println("cadc: warning: " + service.getKey() + ": " + e.getMessage());
                }
                try {
                    for (JobJournal.Entry e : service.getValue()) {
                        t.add(e.jobId(), cadc == null ? "unreachable" : phaseNow(cadc, journal, e),
                                e.created().toString(), e.owner(), e.jobUrl().toString(),
                                e.query().strip().replaceAll("\\s+", " "));
                    }
                } finally {
                    if (cadc != null) {
                        cadc.close();
                    }
                }
            }
            return root.emit(t.cursor(), -1);
        }

        private static String phaseNow(Cadc cadc, JobJournal journal, JobJournal.Entry e) {
            try {
                AsyncJob j = cadc.loadAsyncJob(e.jobUrl());
                JobInfo i = j.info();
                JobRunner.note(journal, j, i);
                return i.phase().name();
            } catch (NotFoundException gone) {
                return "destroyed";
            } catch (CadcException down) {
                return "unreachable";
            }
        }
    }

    /** {@code job resume}. */
    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Wait for a job this machine's journal holds (or one given by URL), then print or write "
                    + "its result as 'cadc query --async' would, and delete it.")
    static final class Resume implements Callable<Integer> {
        @ParentCommand
        JobCommand job;

        @Parameters(paramLabel = "JOB", description = "The job id (as the journal holds it) or its URL.")
        String id;

        @Option(names = "--keep-job", description = "Keep the job on the server (and in the journal) afterwards "
                + "and when interrupted.")
        boolean keepJob;

        @Override
        public Integer call() {
            CadcCommand root = job.root;
            JobJournal journal = root.journal();
            Optional<JobJournal.Entry> entry = journal.find(id);
            boolean url = id.startsWith("http://") || id.startsWith("https://");
            if (entry.isEmpty() && !url) {
                throw new ExitCodes.UsageException("no job '" + id + "' in the local journal (" + journal.directory()
                        + "); give the job's URL, or see 'cadc job list --local'");
            }
            URI jobUrl = entry.map(JobJournal.Entry::jobUrl).orElseGet(() -> URI.create(id));
            try (Cadc cadc = root.open(b -> {
                if (root.tapUrl == null && root.registry == null) {
                    entry.ifPresent(e -> b.tap(ServiceLocation.at(e.service())));
                }
            })) {
                AsyncJob j;
                try {
                    j = cadc.loadAsyncJob(jobUrl);
                } catch (NotFoundException e) {
                    journal.remove(jobUrl);
                    throw e;
                }
                if (j.phase() == ExecutionPhase.PENDING) {
                    j.run();
                }
                long maxrec = entry.map(e -> e.maxRecords().orElse(-1)).orElse(-1L);
                return JobRunner.complete(root, j, journal, maxrec, keepJob);
            }
        }
    }
}
