package org.cortexj.data.mnist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Extracts requested regular files from a tar archive into a folder, rejecting unsafe entry names.
 *
 * <p>Every entry name in the archive is checked, including entries that are not extracted, because
 * an archive that contains an absolute path or a {@code ..} component was built to escape its
 * target and is not trusted at all. Only regular files are written, so links in the archive are
 * never created.
 */
final class TarExtractor {

    private TarExtractor() {
    }

    /**
     * Writes each requested entry to {@code targetFolder.resolve(entryName)} and returns the
     * written paths by entry name.
     *
     * @param entryNames names of the entries to extract; every one must be in the archive as a regular file
     * @throws IOException if an entry name is unsafe, a requested entry is missing, is not a
     *     regular file or occurs twice, or the archive is malformed
     */
    static Map<String, Path> extract(String source, InputStream tar, Path targetFolder, Set<String> entryNames)
            throws IOException {
        Path target = targetFolder.toAbsolutePath().normalize();
        TarReader reader = new TarReader(source, tar);
        Map<String, Path> written = new LinkedHashMap<>();
        for (TarEntry entry = reader.nextEntry(); entry != null; entry = reader.nextEntry()) {
            Path destination = resolveInside(source, target, entry.name());
            if (!entryNames.contains(entry.name())) {
                continue;
            }
            requireFirstRegularFile(source, entry, written.keySet());
            Files.createDirectories(destination.getParent());
            try (OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW)) {
                reader.copyContentTo(out);
            }
            written.put(entry.name(), destination);
        }
        requireAllFound(source, entryNames, written.keySet());
        return written;
    }

    /** Resolves an entry name inside the target folder, or throws if it could land outside it. */
    static Path resolveInside(String source, Path target, String name) throws IOException {
        boolean unsafe = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0;
        for (String component : name.split("/")) {
            unsafe |= component.equals("..");
        }
        Path resolved = target.resolve(name).normalize();
        if (unsafe || !resolved.startsWith(target) || resolved.equals(target)) {
            throw new IOException(String.format(
                    "%s: tar entry name '%s' is unsafe because it is empty, absolute, or leaves the target "
                            + "folder %s; the archive was rejected and nothing outside that folder was written",
                    source, name, target));
        }
        return resolved;
    }

    private static void requireFirstRegularFile(String source, TarEntry entry, Set<String> written)
            throws IOException {
        if (!entry.isRegularFile()) {
            throw new IOException(String.format("%s: tar entry '%s' has type flag '%c', expected a regular file",
                    source, entry.name(), entry.typeFlag()));
        }
        if (written.contains(entry.name())) {
            throw new IOException(String.format("%s: tar entry '%s' occurs more than once", source, entry.name()));
        }
    }

    private static void requireAllFound(String source, Set<String> requested, Set<String> found) throws IOException {
        Set<String> missing = new TreeSet<>(requested);
        missing.removeAll(found);
        if (!missing.isEmpty()) {
            throw new IOException(source + ": tar archive has no entries " + missing);
        }
    }
}
