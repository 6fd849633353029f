package dev.sessionkit.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules the compiler cannot enforce, checked on the main sources: time comes only from an injected Clock (so
 * expiry is testable without sleeping), nothing prints to the console, and every public type has Javadoc.
 */
class SourceRulesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern WALL_CLOCK = Pattern.compile(
            "Instant\\.now\\(|System\\.currentTimeMillis\\(|new Date\\(|LocalDateTime\\.now\\(|OffsetDateTime\\.now\\("
                    + "|ZonedDateTime\\.now\\(|LocalDate\\.now\\(");
    private static final Pattern CONSOLE = Pattern.compile("System\\.(out|err)\\.|printStackTrace\\(");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (final |abstract |sealed )*(class|interface|enum|record|@interface) ", Pattern.MULTILINE);

    @Test
    void mainCodeNeverReadsTheWallClock() {
        assertEquals(List.of(), offending(WALL_CLOCK));
    }

    @Test
    void mainCodeNeverWritesToTheConsole() {
        assertEquals(List.of(), offending(CONSOLE));
    }

    @Test
    void everyPublicTopLevelTypeHasJavadoc() {
        List<String> undocumented = new ArrayList<>();
        for (Path file : javaFiles()) {
            String source = read(file);
            var matcher = PUBLIC_TYPE.matcher(source);
            if (matcher.find()) {
                String before = source.substring(0, matcher.start()).stripTrailing();
                // Annotations may sit between the Javadoc and the declaration.
                String withoutAnnotations = before.replaceAll("(?m)^@\\w+(\\([^)]*\\))?\\s*$", "").stripTrailing();
                boolean javadoc = withoutAnnotations.endsWith("*/")
                        && withoutAnnotations.lastIndexOf("/*") == withoutAnnotations.lastIndexOf("/**");
                if (!javadoc) {
                    undocumented.add(MAIN.relativize(file).toString());
                }
            }
        }
        assertEquals(List.of(), undocumented);
    }

    @Test
    void everyPackageHasAnOverview() {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            List<Path> packages = dirs.filter(Files::isDirectory)
                    .filter(d -> javaFilesIn(d) > 0).toList();
            assertFalse(packages.isEmpty());
            assertEquals(List.of(), packages.stream()
                    .filter(d -> !Files.exists(d.resolve("package-info.java")))
                    .map(d -> MAIN.relativize(d).toString()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> offending(Pattern pattern) {
        List<String> hits = new ArrayList<>();
        for (Path file : javaFiles()) {
            List<String> lines = read(file).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.startsWith("*") && !line.startsWith("//") && pattern.matcher(line).find()) {
                    hits.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + line);
                }
            }
        }
        return hits;
    }

    private static long javaFilesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
