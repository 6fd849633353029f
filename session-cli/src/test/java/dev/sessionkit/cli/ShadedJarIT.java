package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.store.jpa.SchemaScripts;
import dev.sessionkit.testing.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as an operator runs it: {@code java -jar session-cli-<version>-all.jar}, a separate JVM with
 * nothing but the jar on its class path, so the shading (main class, both drivers, service files, EclipseLink
 * without an agent) is what is tested.
 */
@ExtendWith(PostgresServer.Resolver.class)
class ShadedJarIT {

    private static final Path JAR = Path.of(System.getProperty("sessionkit.cli.jar", "target/missing-all.jar"));

    @Test
    void versionThenPrintsTheBuildVersion() throws Exception {
        Run run = java("--version");

        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().matches("sessionkit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), run::toString);
        assertEquals("", run.err());
    }

    @Test
    void schemaPrintForPostgresqlThenTheShippedScript() throws Exception {
        Run run = java("schema", "print", "--database", "postgresql");

        assertEquals(0, run.exit(), run::toString);
        assertEquals(SchemaScripts.forDatabase("postgresql").orElseThrow().createScript(), run.out());
    }

    @Test
    void h2FileDatabaseThenCreatesTablesAndListsWithNothingOnStandardError(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("sessions").toAbsolutePath();

        Run created = java("--jdbc-url", url, "schema", "create");
        Run listed = java("--jdbc-url", url, "list");

        assertEquals(0, created.exit(), created::toString);
        assertEquals(0, listed.exit(), listed::toString);
        assertEquals("No active sessions.\n", listed.out().replace(System.lineSeparator(), "\n"));
        assertEquals("", listed.err(), "no library logging leaks onto the console");
    }

    @Test
    void postgresqlThenTheBundledDriverConnects(PostgresServer server) throws Exception {
        Run created = java("--jdbc-url", server.newDatabase(), "--jdbc-user", "postgres", "schema", "create");

        assertEquals(0, created.exit(), created::toString);
        assertTrue(created.out().contains("schema-postgresql.sql"), created::toString);
    }

    @Test
    void unusableDatabaseThenOneLineOnStandardErrorAndExit3() throws Exception {
        Run run = java("--jdbc-url", "jdbc:postgresql://127.0.0.1:1/sessions?connectTimeout=2", "stats");

        assertEquals(3, run.exit(), run::toString);
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run::toString);
    }

    private static Run java(String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn package): " + JAR);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("SESSIONKIT_"));
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process, false));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process, true));
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "sessionkit did not finish");
        return new Run(process.exitValue(), out.join(), err.join());
    }

    private static String read(Process process, boolean err) {
        try {
            return new String((err ? process.getErrorStream() : process.getInputStream()).readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
