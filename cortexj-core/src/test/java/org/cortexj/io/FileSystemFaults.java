package org.cortexj.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes folders unwritable and disks full for tests of write failures.
 *
 * <p>File permissions do not stop root, so as root a folder is made read-only with the Linux
 * immutable attribute ({@code chattr +i}) instead, and a full disk is a tmpfs of a few KiB. Each
 * method reports whether it worked, so a test can skip where the machine offers neither.
 */
public final class FileSystemFaults {

    private FileSystemFaults() {
    }

    /** Makes {@code folder} read-only; returns false if files can still be created in it. */
    public static boolean makeReadOnly(Path folder) throws IOException, InterruptedException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!canCreateFileIn(folder)) {
            return true;
        }
        run("chattr", "+i", folder.toString());
        return !canCreateFileIn(folder);
    }

    /** Undoes {@link #makeReadOnly}, so that the test's temporary folder can be deleted. */
    public static void makeWritable(Path folder) throws IOException, InterruptedException {
        if (isRoot()) {
            run("chattr", "-i", folder.toString());
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Mounts a tmpfs of {@code kibibytes} on {@code folder} (root only); returns whether it worked. */
    public static boolean mountTinyDisk(Path folder, int kibibytes) throws IOException, InterruptedException {
        if (!isRoot()) {
            return false;
        }
        return run("mount", "-t", "tmpfs", "-o", "size=" + kibibytes + "k", "tmpfs", folder.toString()) == 0;
    }

    public static void unmount(Path folder) throws IOException, InterruptedException {
        run("umount", folder.toString());
    }

    /** Lists the temporary files that {@link ModelFile#write} leaves if it is cut short. */
    public static List<Path> temporaryFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static boolean canCreateFileIn(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return -1;
        }
        process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
