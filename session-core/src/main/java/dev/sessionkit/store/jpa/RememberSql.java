package dev.sessionkit.store.jpa;

/**
 * Every statement of the remembered devices, JPQL on {@code RememberSeriesEntity r}
 * ({@code sessionkit_remember_series}) and {@code RememberLinkEntity k} ({@code sessionkit_remember_session}).
 */
final class RememberSql {

    private RememberSql() {
    }

    /**
     * Conditional on the validator the caller checked: of two requests with the same cookie, one rotates. The
     * previous hash is set from the parameter, not the column: MySQL applies assignments in order, and the order
     * EclipseLink writes them in is not promised.
     */
    static final String ROTATE = "UPDATE RememberSeriesEntity r SET r.previousValidatorHash = :expected, "
            + "r.validatorHash = :next, r.rotatedAt = :at "
            + "WHERE r.selector = :selector AND r.validatorHash = :expected";

    static final String SESSIONS_OF = "SELECT k.sessionId FROM RememberLinkEntity k WHERE k.selector = :selector";

    static final String OF_USER = "SELECT r FROM RememberSeriesEntity r WHERE r.userId = :user "
            + "ORDER BY r.createdAt DESC, r.selector ASC";

    static final String EXPIRED = "SELECT r.selector FROM RememberSeriesEntity r WHERE r.expiresAt <= :now";

    static final String ALL_BUT = "SELECT r.selector FROM RememberSeriesEntity r WHERE r.selector <> :except";

    static final String DELETE_LINKS = "DELETE FROM RememberLinkEntity k WHERE k.selector IN :selectors";

    static final String DELETE_SERIES = "DELETE FROM RememberSeriesEntity r WHERE r.selector IN :selectors";
}
