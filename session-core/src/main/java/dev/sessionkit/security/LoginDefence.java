package dev.sessionkit.security;

import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.store.LoginAttemptStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in attempt defence, shared by every node through the attempt store. Failures are counted over a sliding
 * window three ways, and each way answers differently so that an attacker cannot lock the owner out:
 * <ul>
 *   <li>one account from one address (guessing one password): refused beyond the limit, until the oldest failure
 *       leaves the window;</li>
 *   <li>one address, any account (password spraying): refused beyond its limit the same way;</li>
 *   <li>one account, any address (a botnet on one account): only slowed to one attempt per
 *       {@link MonitoringSettings#SLOWDOWN}, so the owner still gets in from their own address.</li>
 * </ul>
 * Accounts are keyed by a hash of the trimmed, lower-cased username, so text typed into the username field is
 * never stored. Every decision fails closed: a store that cannot answer throws, and the caller answers 503.
 */
public final class LoginDefence {

    private final LoginAttemptStore attempts;
    private final SecurityEventLog log;
    private final EventFactory events;
    private final MonitoringSettings settings;

    /**
     * A defence on an attempt store.
     *
     * @param attempts the shared failure counts
     * @param log where failures are recorded as events
     * @param events builds the events
     * @param settings the limits and the window
     */
    public LoginDefence(LoginAttemptStore attempts, SecurityEventLog log, EventFactory events,
            MonitoringSettings settings) {
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.log = Objects.requireNonNull(log, "log");
        this.events = Objects.requireNonNull(events, "events");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Tells whether a password may be checked for this username from this address now.
     *
     * @param username what the user typed as their name
     * @param address the client address
     * @return allowed, or refused with when to retry
     * @throws dev.sessionkit.store.SessionStoreUnavailableException when the counts cannot be read
     */
    public AttemptDecision allowAttempt(String username, String address) {
        Instant now = events.now();
        FailureCounts counts = counts(username, address, now);
        Duration window = settings.failureWindow();
        if (counts.pair() >= settings.perAccountAddress()) {
            return refused(counts.pairOldest().map(t -> t.plus(window)), now, "login-failures-per-account-address");
        }
        if (counts.address() >= settings.perAddress()) {
            return refused(counts.addressOldest().map(t -> t.plus(window)), now, "login-failures-per-address");
        }
        if (counts.account() >= settings.perAccount()) {
            Optional<Instant> next = counts.accountLatest().map(t -> t.plus(MonitoringSettings.SLOWDOWN));
            if (next.isPresent() && next.get().isAfter(now)) {
                return refused(next, now, "login-failures-per-account");
            }
        }
        return new AttemptDecision.Allowed();
    }

    /**
     * Records a failed password check, as {@code authn_login_fail}, or {@code authn_login_fail_max} when it
     * reaches a limit.
     *
     * @param username what the user typed as their name
     * @param userId the account when it exists (its owner then sees the failure in their activity), else empty
     * @param client the request's client
     * @throws dev.sessionkit.store.SessionStoreUnavailableException when the failure cannot be recorded
     */
    public void failed(String username, Optional<String> userId, ClientInfo client) {
        Instant now = events.now();
        String key = accountKey(username);
        attempts.recordFailure(key, client.ipAddress(), now);
        FailureCounts counts = attempts.count(key, client.ipAddress(), now.minus(settings.failureWindow()));
        boolean reached = counts.pair() == settings.perAccountAddress() || counts.address() == settings.perAddress();
        log.record(java.util.List.of(events.aboutClient(
                reached ? EventType.AUTHN_LOGIN_FAIL_MAX : EventType.AUTHN_LOGIN_FAIL, EventOutcome.FAILURE, userId,
                client, reached ? EventAction.THROTTLE : EventAction.RECORD, "")));
    }

    /**
     * Reads the failures in the window, e.g. just before a sign-in.
     *
     * @param username the user's name
     * @param address the client address
     * @return the counts
     */
    FailureCounts countsFor(String username, String address) {
        return counts(username, address, events.now());
    }

    /**
     * Forgets the failures of this account from this address, after a successful sign-in from there.
     *
     * @param username the signed-in user's name
     * @param address the client address
     */
    void forget(String username, String address) {
        attempts.clear(accountKey(username), address);
    }

    private FailureCounts counts(String username, String address, Instant now) {
        return attempts.count(accountKey(username), address, now.minus(settings.failureWindow()));
    }

    private static AttemptDecision refused(Optional<Instant> until, Instant now, String limit) {
        Duration wait = until.map(t -> Duration.between(now, t)).orElse(Duration.ofSeconds(1));
        return new AttemptDecision.Refused(wait, limit);
    }

    /**
     * The key an account's failures are counted under.
     *
     * @param username what the user typed
     * @return 64 hex characters of SHA-256 over the trimmed, lower-cased name
     */
    public static String accountKey(String username) {
        String normal = Objects.requireNonNull(username, "username").strip().toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
