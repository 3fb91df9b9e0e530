package org.cortexj.train.report;

import java.time.Instant;
import org.cortexj.train.Version;

/** Assembles the HTML report from its sections, in reading order. */
final class ReportPage {

    private ReportPage() {
    }

    static String render(ReportData data, Instant written) {
        String body = SettingsSection.header(data, written)
                + "<main>\n"
                + SettingsSection.render(data)
                + HistorySection.render(data)
                + ConfusionSection.render(data)
                + PerClassSection.render(data.evaluation().result().confusion())
                + MistakesSection.render(data)
                + FiltersSection.render(data)
                + "</main>\n"
                + footer();
        return PageShell.page("cortexj report: " + data.context().modelFile(), body, true);
    }

    static String footer() {
        return "<footer>Written by cortexj " + HtmlText.escape(Version.current())
                + ". This file is self-contained: styles, script, charts and images are inline, and it loads "
                + "nothing from the network.</footer>\n";
    }
}
