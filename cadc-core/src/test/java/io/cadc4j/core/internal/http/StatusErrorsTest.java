// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 23 item 5: XML error bodies (VOTable, UWS, any XML) become their message, not a pasted document. */
class StatusErrorsTest {
    private static final URI JOB = URI.create("https://ws.example.org/tap/async/j1");

    private static CadcException error(int status, String type, String body) {
        HttpResponse r = HttpResponse.of(HttpRequest.newBuilder(JOB).DELETE().build(), status,
                HttpHeaders.builder().add("Content-Type", type).build(),
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        return StatusErrors.toException(r);
    }

    @Test
    void aVotableErrorBecomesItsQueryStatusText() {
        CadcException e = error(500, "application/x-votable+xml", "<?xml version=\"1.0\"?>\n"
                + "<?xml-stylesheet href='/static/xsl/votable.xsl' type='text/xsl'?>\n"
                + "<VOTABLE version=\"1.3\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE type=\"results\">"
                + "<INFO name=\"QUERY_STATUS\" value=\"ERROR\">connection already closed</INFO>"
                + "<INFO name=\"server\" value=\"dachs\"/></RESOURCE></VOTABLE>");
        assertThat(e).hasMessage("HTTP 500 from " + JOB + ": connection already closed");
    }

    @Test
    void aVotableErrorWithoutTextGivesItsValueAndAnOkStatusIsSkipped() {
        assertThat(error(400, "text/xml", "<VOTABLE><RESOURCE><INFO name='QUERY_STATUS' value='OK'/>"
                + "<INFO name='QUERY_STATUS' value='ERROR'>bad &lt;job&gt; &amp; phase</INFO></RESOURCE></VOTABLE>"))
                .hasMessageEndingWith(": bad <job> & phase");
    }

    @Test
    void aUwsErrorSummaryBecomesItsMessage() {
        assertThat(error(400, "text/xml", "<?xml version=\"1.0\"?><uws:job xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\">"
                + "<uws:jobId>j1</uws:jobId><uws:phase>ERROR</uws:phase><uws:errorSummary type=\"fatal\">"
                + "<uws:message>job cannot be deleted while EXECUTING</uws:message></uws:errorSummary></uws:job>"))
                .hasMessageEndingWith(": job cannot be deleted while EXECUTING");
    }

    @Test
    void otherXmlLosesItsMarkup() {
        assertThat(error(503, "application/xml", "<?xml version=\"1.0\"?><!-- note --><error><code>42</code>"
                + "<text>maintenance until 10:00</text></error>"))
                .hasMessageEndingWith(": 42 maintenance until 10:00").hasMessageNotContaining("<");
    }
}
