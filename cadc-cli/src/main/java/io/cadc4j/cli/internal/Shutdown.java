// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The one way a run of the command ends early, by a failure or by a signal (SIGINT from Ctrl-C,
 * SIGTERM), and undoes what it left half done. Whatever must not outlive an unfinished run
 * registers a step here (a temporary {@code -o} file to remove, a progress line to clear, the
 * terminal's echo to restore) and closes its registration once the work is complete. The
 * command's {@code main} installs {@link #hook()} as the JVM's shutdown hook, so a signal runs the
 * steps still registered; a run that fails runs them through {@link #end(Reason)} before it
 * returns its exit code. Steps run once, newest first, each on its own: one that throws does not
 * keep the others from running.
 *
 * <p>Later steps can hook in the same way: a step is given the {@link Reason}, so one that, for
 * instance, aborts and deletes an async job on Ctrl-C can act on {@link Reason#SIGNAL} alone. The
 * JVM exits with 128 plus the signal's number (130 for SIGINT, 143 for SIGTERM) after the hook.
 *
 * <p>Thread-safe: the hook runs in the JVM's shutdown thread while the command's thread may still
 * be working; a step runs at most once, whichever thread gets to it first.
 */
final class Shutdown {
    /** Why the steps run. */
    enum Reason {
        /** The run failed (an exception, or a failing exit code). */
        FAILURE,
        /** The process was told to stop (SIGINT, SIGTERM, or {@code System.exit} from elsewhere). */
        SIGNAL
    }

    /** Something to undo when a run ends early. */
    interface Step {
        /**
         * Undoes it.
         *
         * @param reason why the run ends
         * @throws Exception if it cannot; reported, and the other steps still run
         */
        void run(Reason reason) throws Exception;
    }

    private final Deque<Registration> steps = new ArrayDeque<>();

    /**
     * Registers a step, to run if the run ends before the registration is closed.
     *
     * @param what what it undoes, for a message if it fails
     * @param step the step
     * @return the registration; close it once the work is complete
     */
    Registration register(String what, Step step) {
        Registration r = new Registration(Objects.requireNonNull(what, "what"), Objects.requireNonNull(step, "step"));
        synchronized (steps) {
            steps.push(r);
        }
        return r;
    }

    /**
     * Runs every step still registered, newest first.
     *
     * @param reason why
     * @return what could not be undone, one message per failed step
     */
    List<String> end(Reason reason) {
        List<Registration> pending;
        synchronized (steps) {
            pending = new ArrayList<>(steps);
            steps.clear();
        }
        List<String> failed = new ArrayList<>();
        for (Registration r : pending) {
            String problem = r.runOnce(reason);
            if (problem != null) {
                failed.add(problem);
            }
        }
        return failed;
    }

    /** @return how many steps are registered (for tests) */
    int pending() {
        synchronized (steps) {
            return steps.size();
        }
    }

    /**
     * The JVM shutdown hook that runs the steps on a signal.
     *
     * @return an unstarted thread for {@link Runtime#addShutdownHook}
     */
    Thread hook() {
        Thread t = new Thread(() -> end(Reason.SIGNAL), "cadc-shutdown");
        t.setDaemon(false);
        return t;
    }

    /**
     * One registered step.
     *
     * <p>Thread-safe.
     */
    final class Registration implements AutoCloseable {
        private final String what;
        private final Step step;
        private boolean done;

        private Registration(String what, Step step) {
            this.what = what;
            this.step = step;
        }

        private String runOnce(Reason reason) {
            synchronized (this) {
                if (done) {
                    return null;
                }
                done = true;
            }
            try {
                step.run(reason);
                return null;
            } catch (Exception | Error e) {
                return "could not " + what + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }

        /**
         * Runs the step now, if it has not run, and unregisters it (a failure's own clean-up).
         *
         * @param reason why
         * @return what could not be undone, or null
         */
        String runNow(Reason reason) {
            unregister();
            return runOnce(reason);
        }

        /** The work is complete: the step will not run (unless another thread has started it already). */
        @Override
        public void close() {
            unregister();
            synchronized (this) {
                done = true;
            }
        }

        private void unregister() {
            synchronized (steps) {
                steps.remove(this);
            }
        }
    }
}
