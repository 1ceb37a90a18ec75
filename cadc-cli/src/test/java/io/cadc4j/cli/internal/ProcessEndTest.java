// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * What the command does to end its process quickly: the JDK HTTP client's selector threads are
 * stopped before the exit (the JVM waits for threads blocked in native code), and whether a
 * standard stream is a terminal is read from {@code /proc} without starting a child.
 */
class ProcessEndTest {

    private static List<Thread> selectorThreads() {
        List<Thread> found = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")) {
                found.add(t);
            }
        }
        return found;
    }

    @Test
    void theHttpClientsSelectorThreadEndsWhenTold() throws Exception {
        // the JDK client the command's transport uses; made by reflection, as this module does not
        // read java.net.http (cadc-http-jdk does)
        Object client = Class.forName("java.net.http.HttpClient").getMethod("newHttpClient").invoke(null);
        List<Thread> threads = selectorThreads();
        assertThat(threads).as("a new HTTP client's selector thread").isNotEmpty();

        Main.stopHttpSelectorThreads();

        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(t.isAlive()).as("%s still running", t.getName()).isFalse();
        }
        assertThat(client).isNotNull(); // kept reachable until here: a collected client ends its thread itself
    }

    @Test
    void terminalDevicesAreToldFromFilesAndPipes() {
        assertThat(SystemTerminal.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(SystemTerminal.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(SystemTerminal.isTerminalDevice("/dev/console")).isTrue();
        assertThat(SystemTerminal.isTerminalDevice("/dev/null")).isFalse();
        assertThat(SystemTerminal.isTerminalDevice("pipe:[123456]")).isFalse();
        assertThat(SystemTerminal.isTerminalDevice("/home/someone/out.txt")).isFalse();
        assertThat(SystemTerminal.isTerminalDevice("socket:[42]")).isFalse();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aTestRunsStandardOutputIsNotATerminalAndProcSaysSo() {
        // surefire gives the test JVM pipes or files, never a terminal
        assertThat(SystemTerminal.procIsTerminal(1)).isFalse();
        assertThat(SystemTerminal.procIsTerminal(2)).isFalse();
        assertThat(SystemTerminal.procIsTerminal(987_654)).as("no such descriptor").isNull();
    }
}
