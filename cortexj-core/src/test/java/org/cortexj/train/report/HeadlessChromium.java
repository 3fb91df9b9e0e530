package org.cortexj.train.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Chromium started headless for one test, driven over the DevTools protocol. The browser gets
 * a fresh profile folder, has background networking, component updates, sync and QUIC turned
 * off, and listens for DevTools only on 127.0.0.1 at a port it picks itself.
 */
final class HeadlessChromium implements AutoCloseable {

    /** System property naming the Chromium executable; by default it is looked up on PATH. */
    static final String EXECUTABLE_PROPERTY = "cortexj.chromium";
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private final Process process;
    private final DevToolsConnection connection;
    private final Path log;
    private String sessionId;

    private HeadlessChromium(Process process, DevToolsConnection connection, Path log) {
        this.process = process;
        this.connection = connection;
        this.log = log;
    }

    /**
     * Finds the executable named by {@value #EXECUTABLE_PROPERTY}, or else chromium,
     * chromium-browser or google-chrome on PATH.
     */
    static Optional<Path> find() {
        String configured = System.getProperty(EXECUTABLE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(folder, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Describes where {@link #find()} looked, for the message when it found nothing. */
    static String whereLooked() {
        String configured = System.getProperty(EXECUTABLE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return "Chromium executable " + configured + " (from -D" + EXECUTABLE_PROPERTY + ") is missing or not "
                    + "executable";
        }
        return "none of " + String.join(", ", NAMES) + " was found on PATH";
    }

    /** Starts the browser with a new profile in {@code profile} and opens one blank page. */
    static HeadlessChromium start(Path executable, Path profile, int width, int height)
            throws IOException, InterruptedException {
        Files.createDirectories(profile);
        Path log = profile.resolveSibling(profile.getFileName() + ".log");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            URI endpoint = devToolsEndpoint(profile, process, log);
            HeadlessChromium browser = new HeadlessChromium(process, DevToolsConnection.open(endpoint), log);
            browser.attachPage();
            return browser;
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Reads the port and path that Chromium writes to DevToolsActivePort once it listens. */
    private static URI devToolsEndpoint(Path profile, Process process, Path log) throws IOException,
            InterruptedException {
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                if (lines.size() >= 2) {
                    return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
                }
            }
            if (!process.isAlive()) {
                throw new IOException("chromium exited with status " + process.exitValue() + " before DevTools "
                        + "listened; its output is in " + log);
            }
            Thread.sleep(100);
        }
        throw new IOException("chromium did not write " + portFile + " within 60 s; its output is in " + log);
    }

    private void attachPage() throws IOException {
        ObjectNode create = DevToolsConnection.params().put("url", "about:blank");
        String targetId = connection.send("Target.createTarget", create, null).get("targetId").asText();
        ObjectNode attach = DevToolsConnection.params().put("targetId", targetId).put("flatten", true);
        sessionId = connection.send("Target.attachToTarget", attach, null).get("sessionId").asText();
        for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
            command(domain + ".enable", null);
        }
    }

    /** Sends a command to the page. */
    JsonNode command(String method, ObjectNode params) throws IOException {
        return connection.send(method, params, sessionId);
    }

    /** Opens {@code url} and waits for its load event. */
    void navigate(String url) throws IOException {
        JsonNode result = command("Page.navigate", DevToolsConnection.params().put("url", url));
        if (result.has("errorText")) {
            throw new IOException("navigation to " + url + " failed: " + result.get("errorText").asText());
        }
        connection.awaitEvent("Page.loadEventFired");
    }

    /** Evaluates a JavaScript expression in the page, awaits it when it is a promise, and returns its value. */
    JsonNode evaluate(String expression) throws IOException {
        ObjectNode params = DevToolsConnection.params().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true);
        JsonNode result = command("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + result.get("exceptionDetails") + "\nscript: "
                    + expression);
        }
        return result.path("result").path("value");
    }

    /** Clicks at a point given in CSS pixels of the viewport, as a mouse would. */
    void click(double x, double y) throws IOException {
        for (String type : List.of("mousePressed", "mouseReleased")) {
            ObjectNode params = DevToolsConnection.params().put("type", type).put("x", x).put("y", y)
                    .put("button", "left").put("clickCount", 1);
            command("Input.dispatchMouseEvent", params);
        }
    }

    /** Captures the whole page at {@code width} CSS pixels as PNG bytes. */
    byte[] screenshot(int width) throws IOException {
        double height = command("Page.getLayoutMetrics", null).path("cssContentSize").path("height").asDouble();
        ObjectNode metrics = DevToolsConnection.params().put("width", width).put("height", (int) Math.ceil(height))
                .put("deviceScaleFactor", 1).put("mobile", false);
        command("Emulation.setDeviceMetricsOverride", metrics);
        JsonNode shot = command("Page.captureScreenshot", DevToolsConnection.params().put("format", "png"));
        return Base64.getDecoder().decode(shot.get("data").asText());
    }

    /** Returns the events received so far. */
    List<JsonNode> events() {
        return connection.events();
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            connection.send("Browser.close", null, null);
        } catch (IOException | RuntimeException e) {
            // The browser may already be gone; the process is ended below either way.
        }
        connection.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
