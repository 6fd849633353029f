package dev.sessionkit.session;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The signed-in user a session belongs to, as the application names them. Sessionkit keeps the application's
 * users and passwords where they are; it only records who logged in.
 *
 * @param userId the application's stable user key (what ownership checks compare), 1 to 255 characters
 * @param username the name shown to people, 1 to 255 characters
 * @param roles role names for {@code isUserInRole}; none may contain a comma; copied and sorted
 */
public record SessionPrincipal(String userId, String username, Set<String> roles) {

    /** Maximum length of a user id or name, matching the database columns. */
    public static final int MAX_NAME_LENGTH = 255;
    /** Maximum length of all role names joined with commas, matching the database column. */
    public static final int MAX_ROLES_LENGTH = 2000;

    /**
     * Validates the parts.
     *
     * @param userId see the record description
     * @param username see the record description
     * @param roles see the record description
     * @throws IllegalArgumentException when a part is blank, too long, or a role contains a comma
     */
    public SessionPrincipal {
        userId = requireName(userId, "userId");
        username = requireName(username, "username");
        Objects.requireNonNull(roles, "roles");
        TreeSet<String> sorted = new TreeSet<>();
        for (String role : roles) {
            if (role == null || role.isBlank() || role.contains(",")) {
                throw new IllegalArgumentException("role names must be non-blank and contain no comma");
            }
            sorted.add(role);
        }
        if (String.join(",", sorted).length() > MAX_ROLES_LENGTH) {
            throw new IllegalArgumentException("roles are longer than " + MAX_ROLES_LENGTH + " characters in all");
        }
        roles = java.util.Collections.unmodifiableSet(sorted);
    }

    /**
     * Creates a principal whose name is its id.
     *
     * @param userId the user's id and name
     * @param roles role names
     * @return the principal
     */
    public static SessionPrincipal of(String userId, String... roles) {
        return new SessionPrincipal(userId, userId, Set.of(roles));
    }

    private static String requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(what + " must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return value;
    }
}
