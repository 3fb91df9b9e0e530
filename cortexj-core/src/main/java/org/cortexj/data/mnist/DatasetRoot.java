package org.cortexj.data.mnist;

import java.nio.file.Path;

/**
 * Folder under which downloaded datasets are cached, one subfolder per dataset (such as
 * {@code mnist}).
 *
 * <p>The first of these that is set wins: the system property {@value #PROPERTY}, the
 * environment variable {@value #ENVIRONMENT_VARIABLE}, then {@code ~/.cache/cortexj/datasets}.
 */
public final class DatasetRoot {
    /** System property that sets the datasets root folder. */
    public static final String PROPERTY = "cortexj.data";

    /** Environment variable that sets the datasets root folder when the property is not set. */
    public static final String ENVIRONMENT_VARIABLE = "CORTEXJ_DATA";

    private DatasetRoot() {
    }

    /** Returns the datasets root folder as an absolute path. It may not exist yet. */
    public static Path resolve() {
        return resolve(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT_VARIABLE),
                System.getProperty("user.home"));
    }

    /** Applies the rule above to explicit values; null means unset. */
    static Path resolve(String property, String environment, String userHome) {
        if (property != null) {
            return checkedPath(property, "system property " + PROPERTY);
        }
        if (environment != null) {
            return checkedPath(environment, "environment variable " + ENVIRONMENT_VARIABLE);
        }
        return Path.of(userHome, ".cache", "cortexj", "datasets").toAbsolutePath();
    }

    private static Path checkedPath(String value, String origin) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(
                    origin + " is set but blank; set it to a folder or unset it to use ~/.cache/cortexj/datasets");
        }
        return Path.of(value).toAbsolutePath();
    }
}
