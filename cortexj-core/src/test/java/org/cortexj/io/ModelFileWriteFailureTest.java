package org.cortexj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file write that fails (read-only folder, full disk, a folder in the way of the rename)
 * throws an {@link IOException} naming the file, leaves the previous file byte for byte, and
 * leaves no temporary file behind.
 */
class ModelFileWriteFailureTest {

    @TempDir
    Path folder;

    private static ModelContents contents(int elements) {
        float[] values = new float[elements];
        for (int i = 0; i < elements; i++) {
            values[i] = i * 0.5f;
        }
        return new ModelContents(new ObjectMapper().createObjectNode().put("elements", elements),
                Map.of("w", Tensor.of(values, elements)));
    }

    private static void assertClearFailure(IOException e, Path target) {
        assertTrue(e.getMessage().contains(target.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("previous file at that path, if any, is unchanged"), e.getMessage());
    }

    @Test
    void writtenFileIsNotOwnerOnly() throws IOException {
        Path target = folder.resolve("model.cjm");
        ModelFile.write(target, contents(4));
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
        // Files.createTempFile would give mode 0600; a normal umask keeps the owner read bit and adds others.
        assertTrue(permissions.contains(PosixFilePermission.OWNER_READ), permissions.toString());
        assertTrue(permissions.contains(PosixFilePermission.OTHERS_READ) || permissions.contains(
                PosixFilePermission.GROUP_READ), "only the owner can read the model: " + permissions);
    }

    @Test
    void readOnlyFolderKeepsPreviousFile() throws Exception {
        Path target = folder.resolve("model.cjm");
        ModelFile.write(target, contents(4));
        byte[] previous = Files.readAllBytes(target);
        boolean readOnly = FileSystemFaults.makeReadOnly(folder);
        try {
            assumeTrue(readOnly, "cannot make a folder read-only on this machine");
            IOException e = assertThrows(IOException.class, () -> ModelFile.write(target, contents(8)));
            assertClearFailure(e, target);
        } finally {
            FileSystemFaults.makeWritable(folder);
        }
        assertArrayEquals(previous, Files.readAllBytes(target));
        assertEquals(List.of(), FileSystemFaults.temporaryFiles(folder));
    }

    @Test
    void folderInPlaceOfTargetFailsCleanly() throws IOException {
        Path target = folder.resolve("model.cjm");
        Files.createDirectory(target);
        Path inside = target.resolve("previous.cjm");
        ModelFile.write(inside, contents(4));
        byte[] previous = Files.readAllBytes(inside);

        IOException e = assertThrows(IOException.class, () -> ModelFile.write(target, contents(8)));

        assertClearFailure(e, target);
        assertTrue(Files.isDirectory(target));
        assertArrayEquals(previous, Files.readAllBytes(inside));
        assertEquals(List.of(), FileSystemFaults.temporaryFiles(folder));
    }

    @Test
    void fullDiskKeepsPreviousFile() throws Exception {
        Path disk = Files.createDirectory(folder.resolve("disk"));
        assumeTrue(FileSystemFaults.mountTinyDisk(disk, 64), "mounting a tmpfs needs root");
        try {
            Path target = disk.resolve("model.cjm");
            ModelFile.write(target, contents(1000));
            byte[] previous = Files.readAllBytes(target);

            // 100,000 floats are 400 KB, far more than the 64 KiB disk.
            IOException e = assertThrows(IOException.class, () -> ModelFile.write(target, contents(100_000)));

            assertClearFailure(e, target);
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            assertArrayEquals(previous, Files.readAllBytes(target));
            assertEquals(1000, ModelFile.read(target).tensors().get("w").size());
            assertEquals(List.of(), FileSystemFaults.temporaryFiles(disk));
        } finally {
            FileSystemFaults.unmount(disk);
        }
    }
}
