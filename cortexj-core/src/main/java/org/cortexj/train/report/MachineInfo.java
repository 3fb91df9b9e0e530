package org.cortexj.train.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The machine a run used, as the JVM reports it.
 *
 * @param osName system property {@code os.name}, for example {@code Linux}
 * @param osArch system property {@code os.arch}, for example {@code amd64}
 * @param processors {@link Runtime#availableProcessors()}, the processors this JVM may use
 * @param javaVersion system property {@code java.version}
 * @param javaVm system property {@code java.vm.name}
 */
public record MachineInfo(String osName, String osArch, int processors, String javaVersion, String javaVm) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Describes the machine this JVM runs on. */
    public static MachineInfo current() {
        return new MachineInfo(System.getProperty("os.name", "unknown"), System.getProperty("os.arch", "unknown"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version", "unknown"),
                System.getProperty("java.vm.name", "unknown"));
    }

    /** Formats one line such as {@code Linux amd64, 2 processors, Java 17.0.15 (OpenJDK 64-Bit Server VM)}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s %s, %d processor%s, Java %s (%s)", osName, osArch, processors,
                processors == 1 ? "" : "s", javaVersion, javaVm);
    }

    public ObjectNode toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("os_name", osName);
        node.put("os_arch", osArch);
        node.put("processors", processors);
        node.put("java_version", javaVersion);
        node.put("java_vm", javaVm);
        return node;
    }

    /** Reads what {@link #toJson()} wrote; returns null when {@code node} is missing or not an object. */
    public static MachineInfo fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new MachineInfo(node.path("os_name").asText("unknown"), node.path("os_arch").asText("unknown"),
                node.path("processors").asInt(0), node.path("java_version").asText("unknown"),
                node.path("java_vm").asText("unknown"));
    }
}
