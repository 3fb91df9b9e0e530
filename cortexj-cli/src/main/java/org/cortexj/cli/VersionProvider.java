package org.cortexj.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Version text for {@code --version}: the project version from the build, and the Java runtime. */
final class VersionProvider implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() throws IOException {
        return new String[] {
            "cortexj " + projectVersion(),
            "Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + ")"
        };
    }

    /** The version Maven wrote into the resource, or "unknown" when run from unfiltered sources. */
    static String projectVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        }
        String version = properties.getProperty("version", "unknown");
        return version.startsWith("${") ? "unknown" : version;
    }
}
