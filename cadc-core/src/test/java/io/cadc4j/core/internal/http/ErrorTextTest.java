// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one reduction of error markup to a line (real pages are checked where they arrive). */
class ErrorTextTest {

    @Test
    void anHtmlPageIsItsTitleAndFirstSentence() {
        String page = "<html><head><title>Service &amp; Co -- Forbidden</title><script>var x = '<p>';</script></head>"
                + "<body><h1>Forbidden</h1><p>You may not read this.  Ask the   owner.</p></body></html>";
        assertThat(ErrorText.htmlPage(page)).isEqualTo("Service & Co -- Forbidden: You may not read this.");
        assertThat(ErrorText.htmlPageText(page)).isEqualTo("Service & Co -- Forbidden: You may not read this. Ask the owner.");
    }

    @Test
    void aPageWithoutTitleIsNamedByItsHeadingAndOneThatRepeatsItselfSaysItOnce() {
        assertThat(ErrorText.htmlPage("<html><body><h1>Gone</h1><p>Deleted yesterday.</p>")).isEqualTo("Gone: Deleted yesterday.");
        assertThat(ErrorText.htmlPage("<html><title>Not Found</title><body><p>Not Found</p>")).isEqualTo("Not Found");
        assertThat(ErrorText.htmlPage("<html><title>x</title><body>Nothing at x. Really.")).isEqualTo("Nothing at x.");
        assertThat(ErrorText.htmlPage("<html><body></body></html>")).isEmpty();
    }

    @Test
    void aVotableErrorIsItsQueryStatusAndAnOkStatusIsPassedOver() {
        String vot = "<?xml version=\"1.0\"?><VOTABLE><RESOURCE type=\"results\">"
                + "<INFO name=\"QUERY_STATUS\" value=\"OK\"/>"
                + "<INFO name=\"QUERY_STATUS\" value=\"ERROR\">Could not parse: column &quot;x&quot; unknown</INFO>"
                + "</RESOURCE></VOTABLE>";
        assertThat(ErrorText.errorDocument(vot)).isEqualTo("Could not parse: column \"x\" unknown");
        assertThat(ErrorText.errorDocument("<VOTABLE><INFO value='ERROR' name='QUERY_STATUS'/></VOTABLE>"))
                .isEqualTo("ERROR");
    }

    @Test
    void aUwsErrorIsItsMessageAndAnythingElseItsText() {
        assertThat(ErrorText.errorDocument("<uws:errorSummary><uws:message> Job\n  is gone </uws:message></uws:errorSummary>"))
                .isEqualTo("Job is gone");
        assertThat(ErrorText.errorDocument("<?xml version='1.0'?><!-- note --><err><a>one</a> <b>two</b></err>"))
                .isEqualTo("one two");
    }

    @Test
    void brokenMarkupStillGivesALine() {
        assertThat(ErrorText.htmlPage("<html><title>Half")).isEqualTo("Half");
        assertThat(ErrorText.errorDocument("<VOTABLE><INFO name=\"QUERY_STATUS\" value=\"ERROR\">cut off"))
                .isEqualTo("cut off");
        assertThat(ErrorText.text("a < b &amp;&amp; c")).isEqualTo("a < b && c");
    }
}
