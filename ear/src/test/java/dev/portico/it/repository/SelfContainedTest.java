package dev.portico.it.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A user's clone is all there is: no file of the repository (code, poms, scripts, README) may
 * reach for the reference folder that sits beside the developers' checkout, nor name the system
 * property that once pointed there. Build output, git's own files and binaries are not read.
 */
class SelfContainedTest {

    // Spelled in pieces, so this file does not find itself.
    private static final List<String> FORBIDDEN = List.of(".." + "/shared", "portico" + ".shared");
    private static final Set<String> NOT_SOURCE = Set.of("target", ".git", "node_modules", ".idea", ".vscode");

    @Test
    void noFileReachesOutsideTheRepository() {
        Path root = Path.of(System.getProperty("portico.repository", "..")).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("ear")),
                "not the repository's root: " + root);

        List<String> found = new ArrayList<>();
        List<Path> files = files(root);
        for (Path file : files) {
            String text = text(file);
            for (String forbidden : FORBIDDEN) {
                if (text != null && text.contains(forbidden)) {
                    found.add(root.relativize(file) + " names " + forbidden);
                }
            }
        }

        assertTrue(files.size() > 100, "read only " + files.size() + " files under " + root);
        assertEquals(List.of(), found, "everything a build, test, demo or benchmark reads lives in the repository");
    }

    private static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> {
                        for (Path part : root.relativize(path)) {
                            if (NOT_SOURCE.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as text, or null for a binary one. */
    private static String text(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
