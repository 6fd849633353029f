package dev.sessionkit.examples;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.sessionkit.session.SessionPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's two users, alice (administrator) and bob, with bcrypt password hashes. Sessionkit never sees
 * passwords: this class stands for the application's own user store. Passwords are random at first start (or
 * {@code SESSIONKIT_DEMO_PASSWORD} for both) and kept in {@code demo-users.properties} next to the database, in
 * plain text too, because a demo must be able to print them again; a real app keeps only the hashes.
 */
public final class DemoUsers {

    /** The role that opens the admin API, as the {@code admin-role} setting's default. */
    public static final String ADMIN_ROLE = "sessionkit-admin";
    private static final int BCRYPT_COST = 10;
    /** The shortest new password the demo accepts. */
    public static final int MIN_PASSWORD_CHARS = 8;
    /** The longest password bcrypt can check, in UTF-8 bytes. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final Map<String, Set<String>> ROLES = Map.of(
            "alice", Set.of("user", ADMIN_ROLE),
            "bob", Set.of("user"));

    private final Path file;
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final Map<String, String> passwords = new LinkedHashMap<>();

    private DemoUsers(Path file) {
        this.file = file;
    }

    /**
     * Loads the users from the data directory, creating them on first start.
     *
     * @param dataDirectory where demo data lives
     * @param fixedPassword a password for both users, e.g. from {@code SESSIONKIT_DEMO_PASSWORD}
     * @return the users
     */
    public static DemoUsers open(Path dataDirectory, Optional<String> fixedPassword) {
        DemoUsers users = new DemoUsers(dataDirectory.resolve("demo-users.properties"));
        users.load(fixedPassword);
        return users;
    }

    /**
     * Checks a password; unknown users and wrong passwords give the same answer, in about the same time.
     *
     * @param username the name typed
     * @param password the password typed
     * @return the user when the password is right
     */
    public Optional<SessionPrincipal> authenticate(String username, String password) {
        String hash = username == null ? null : hashes.get(username);
        // Verify against a dummy hash for unknown users so timing does not reveal which names exist.
        String candidate = hash != null ? hash : hashes.get("bob");
        // bcrypt reads at most 72 bytes and the library refuses more. No stored password is longer, so a longer one
        // is wrong; it is still checked (its first 72 bytes, result ignored) so the answer takes as long as any.
        byte[] typed = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
        boolean tooLong = typed.length > MAX_PASSWORD_BYTES;
        boolean verified = password != null && BCrypt.verifyer()
                .verify(tooLong ? Arrays.copyOf(typed, MAX_PASSWORD_BYTES) : typed,
                        candidate.getBytes(StandardCharsets.UTF_8))
                .verified && !tooLong;
        return verified && hash != null
                ? Optional.of(new SessionPrincipal(username, username, ROLES.get(username)))
                : Optional.empty();
    }

    /**
     * Tells whether a name is an account, so a failed sign-in can be shown to its owner.
     *
     * @param username the name typed
     * @return true for a demo user
     */
    public boolean exists(String username) {
        return username != null && hashes.containsKey(username);
    }

    /**
     * Sets a new password after checking the current one.
     *
     * @param username the user
     * @param current the current password
     * @param next the new password, {@value #MIN_PASSWORD_CHARS} characters or more and at most
     *     {@value #MAX_PASSWORD_BYTES} bytes in UTF-8 (all that bcrypt reads)
     * @return true when changed
     */
    public synchronized boolean changePassword(String username, String current, String next) {
        if (next == null || next.length() < MIN_PASSWORD_CHARS
                || next.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES
                || authenticate(username, current).isEmpty()) {
            return false;
        }
        hashes.put(username, hash(next));
        passwords.put(username, next);
        save();
        return true;
    }

    /**
     * Returns the plain passwords to print at start-up (demo only).
     *
     * @return password per username
     */
    public synchronized Map<String, String> passwords() {
        return Map.copyOf(passwords);
    }

    /**
     * Returns the roles of a user.
     *
     * @param username the user
     * @return the roles, empty for unknown users
     */
    public static Set<String> rolesOf(String username) {
        return ROLES.getOrDefault(username, Set.of());
    }

    private synchronized void load(Optional<String> fixedPassword) {
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                stored.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        SecureRandom random = new SecureRandom();
        for (String user : new java.util.TreeSet<>(ROLES.keySet())) {
            String password = fixedPassword.orElse(stored.getProperty(user + ".password"));
            if (password == null) {
                password = randomPassword(random);
            }
            String hash = stored.getProperty(user + ".hash");
            if (hash == null || !BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                    hash.getBytes(StandardCharsets.UTF_8)).verified) {
                hash = hash(password);
            }
            hashes.put(user, hash);
            passwords.put(user, password);
        }
        save();
    }

    private void save() {
        Properties stored = new Properties();
        hashes.forEach((user, hash) -> stored.setProperty(user + ".hash", hash));
        passwords.forEach((user, password) -> stored.setProperty(user + ".password", password));
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                stored.store(out, "Sessionkit demo users: bcrypt hashes, and plain passwords so the demo can print "
                        + "them (demo only)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String hash(String password) {
        return BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray());
    }

    private static String randomPassword(SecureRandom random) {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
