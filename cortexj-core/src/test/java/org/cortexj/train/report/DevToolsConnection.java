package org.cortexj.train.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal client of the Chrome DevTools Protocol over a WebSocket: sends commands, waits for
 * their responses and keeps every event. Messages are JSON objects; a response carries the
 * {@code id} of its command, an event carries a {@code method} and {@code params}. Used only
 * against a browser this test process started on the loopback interface.
 */
final class DevToolsConnection implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private DevToolsConnection(URI endpoint) {
        if (!"127.0.0.1".equals(endpoint.getHost())) {
            throw new IllegalArgumentException("DevTools endpoint must be on 127.0.0.1, got " + endpoint);
        }
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(endpoint, this).join();
    }

    static DevToolsConnection open(URI endpoint) {
        return new DevToolsConnection(endpoint);
    }

    /**
     * Sends a command and returns its {@code result} object.
     *
     * @param sessionId target session from {@code Target.attachToTarget}, or null for the browser
     * @throws IllegalStateException if the browser returns an error
     */
    JsonNode send(String method, ObjectNode params, String sessionId) throws IOException {
        int id = nextId.getAndIncrement();
        ObjectNode message = MAPPER.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", params == null ? MAPPER.createObjectNode() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(id, response);
        synchronized (socket) {
            socket.sendText(MAPPER.writeValueAsString(message), true).join();
        }
        JsonNode answer = await(response, method);
        if (answer.has("error")) {
            throw new IllegalStateException("DevTools " + method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** Waits until an event named {@code method} has arrived, and returns the first one. */
    JsonNode awaitEvent(String method) throws IOException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode event : events) {
                if (method.equals(event.path("method").asText())) {
                    return event;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for DevTools event " + method, e);
            }
        }
        throw new IOException("DevTools event " + method + " did not arrive within " + TIMEOUT.toSeconds() + " s");
    }

    /** Returns every event received so far, in arrival order. */
    List<JsonNode> events() {
        return List.copyOf(events);
    }

    static ObjectNode params() {
        return MAPPER.createObjectNode();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            receive(text);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        pending.values().forEach(future -> future.completeExceptionally(error));
    }

    private void receive(String text) {
        JsonNode message;
        try {
            message = MAPPER.readTree(text);
        } catch (IOException e) {
            pending.values().forEach(future -> future.completeExceptionally(e));
            return;
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> future = pending.remove(message.get("id").asInt());
            if (future != null) {
                future.complete(message);
            }
        } else {
            events.add(message);
        }
    }

    private static JsonNode await(CompletableFuture<JsonNode> response, String method) throws IOException {
        try {
            return response.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("DevTools " + method + ": no response within " + TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IOException("DevTools " + method + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for DevTools " + method, e);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                .join();
    }
}
