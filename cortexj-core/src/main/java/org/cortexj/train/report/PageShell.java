package org.cortexj.train.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.cortexj.train.Version;

/**
 * The frame of a report page: document head, inline style sheet and inline script. The page
 * loads nothing: a Content-Security-Policy allows only inline styles and scripts and
 * {@code data:} images, so a browser blocks any request the page might try to make.
 */
final class PageShell {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            + "script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private PageShell() {
    }

    /**
     * Wraps {@code body} into a complete HTML document.
     *
     * @param title document title, escaped here
     * @param body body content, already escaped HTML
     * @param withScript whether to inline the script that opens confusion-matrix cells
     */
    static String page(String title, String body, boolean withScript) {
        StringBuilder html = new StringBuilder(body.length() + 8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
                .append("\">\n<meta name=\"generator\" content=\"cortexj ")
                .append(HtmlText.escape(Version.current())).append("\">\n")
                .append("<title>").append(HtmlText.escape(title)).append("</title>\n")
                .append("<style>\n").append(resource("report.css")).append("</style>\n</head>\n<body>\n")
                .append(body);
        if (withScript) {
            html.append("<script>\n").append(resource("report.js")).append("</script>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String resource(String name) {
        try (InputStream stream = PageShell.class.getResourceAsStream(name)) {
            if (stream == null) {
                throw new IllegalStateException("report page: resource " + name + " is missing from the class path "
                        + "next to " + PageShell.class.getName() + "; rebuild cortexj-core");
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("report page: reading resource " + name + " failed", e);
        }
    }
}
