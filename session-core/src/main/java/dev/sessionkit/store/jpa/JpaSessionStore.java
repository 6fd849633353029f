package dev.sessionkit.store.jpa;

import static dev.sessionkit.store.jpa.SessionRows.utc;

import dev.sessionkit.policy.SessionLimit;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.store.ActivityUpdate;
import dev.sessionkit.store.CreateResult;
import dev.sessionkit.store.DeviceField;
import dev.sessionkit.store.DurationSummary;
import dev.sessionkit.store.EndedSessionsChannel;
import dev.sessionkit.store.EndedSessionsChannels;
import dev.sessionkit.store.LeaseStore;
import dev.sessionkit.store.LoginAttemptStore;
import dev.sessionkit.store.Page;
import dev.sessionkit.store.PageRequest;
import dev.sessionkit.store.RememberMeStore;
import dev.sessionkit.store.SecurityEventStore;
import dev.sessionkit.store.SecurityStores;
import dev.sessionkit.store.SessionReports;
import dev.sessionkit.store.SessionSearch;
import dev.sessionkit.store.SessionStore;
import dev.sessionkit.store.TimeBucket;
import dev.sessionkit.token.TokenHash;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The database store, on JPA (EclipseLink) with RESOURCE_LOCAL transactions. Every change is one conditional
 * statement or one short transaction; the per-user session limit is enforced under a row lock in
 * {@code sessionkit_user_lock}, so it holds across threads and nodes. EclipseLink's shared cache is off and each
 * call uses a fresh EntityManager: a session ended on another node is seen at once.
 *
 * <p>Besides sessions it keeps reports, leases, the security event log, sign-in failures and (on PostgreSQL) the
 * channel of ended sessions, each in a class of its own that this one hands calls to. Build it with {@link JpaSessionStores}; it owns and closes its
 * EntityManagerFactory.
 */
public final class JpaSessionStore implements SessionStore, SessionReports, LeaseStore, EndedSessionsChannels,
        SecurityStores {

    private final EntityManagerFactory factory;
    private final Transactions tx;
    private final SqlDialect dialect;
    private final SqlReports reports;
    private final SessionListings listings;
    private final JpaLeases leases;
    private final Optional<ConnectionFactory> listenConnections;
    private final EndAnnouncements announcements;
    private final JpaSecurityEvents securityEvents;
    private final JpaLoginAttempts loginAttempts;
    private final JpaRememberMe rememberMe;

    /** Rows per activity batch; one transaction each. */
    private static final int TOUCH_BATCH_SIZE = 500;

    JpaSessionStore(EntityManagerFactory factory, SqlDialect dialect, StoreHealth health,
            Optional<ConnectionFactory> listenConnections) {
        this(factory, dialect, new Transactions(factory, health), listenConnections);
    }

    /** With Sessionkit's own pool: at most {@code maxWriters} write transactions at once, a turn awaited that long. */
    JpaSessionStore(EntityManagerFactory factory, SqlDialect dialect, StoreHealth health, int maxWriters,
            long writerWaitMillis, Optional<ConnectionFactory> listenConnections) {
        this(factory, dialect, new Transactions(factory, health, maxWriters, writerWaitMillis), listenConnections);
    }

    private JpaSessionStore(EntityManagerFactory factory, SqlDialect dialect, Transactions tx,
            Optional<ConnectionFactory> listenConnections) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.listenConnections = Objects.requireNonNull(listenConnections, "listenConnections");
        this.tx = tx;
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.reports = new SqlReports(tx, dialect);
        this.listings = new SessionListings(tx);
        this.leases = new JpaLeases(tx, dialect);
        this.announcements = new EndAnnouncements(dialect);
        this.securityEvents = new JpaSecurityEvents(tx, dialect);
        this.loginAttempts = new JpaLoginAttempts(tx, dialect);
        this.rememberMe = new JpaRememberMe(tx);
    }

    @Override
    public CreateResult create(SessionRecord session, SessionLimit limit, Instant now) {
        if (limit.isLimited()) {
            Optional<CreateResult> created = createLimited(session, limit, now);
            if (created.isPresent()) {
                return created.get();
            }
            tx.insertIfAbsent("prepare the user's lock row", dialect.insertUserLockIfAbsent(),
                    List.of(session.userId()), em -> em.find(UserLockEntity.class, session.userId()) != null);
            return createLimited(session, limit, now)
                    .orElseThrow(() -> new IllegalStateException("user lock row vanished during login"));
        }
        return tx.write("create a session", em -> insert(em, session, List.of()));
    }

    /** Creates under the user's row lock; empty when the user has no lock row yet. */
    private Optional<CreateResult> createLimited(SessionRecord session, SessionLimit limit, Instant now) {
        return tx.write("create a session", em -> {
            if (em.find(UserLockEntity.class, session.userId(), LockModeType.PESSIMISTIC_WRITE) == null) {
                return Optional.<CreateResult>empty();
            }
            return Optional.of(insert(em, session,
                    announcements.announce(em, SessionEnds.makeRoom(em, session.userId(), limit, now))));
        });
    }

    private CreateResult insert(EntityManager em, SessionRecord session, List<SessionRecord> ended) {
        boolean newDevice = session.browserIdHash()
                .map(hash -> !SessionListings.browserSeenBefore(em, session.userId(), hash)).orElse(true);
        em.persist(SessionRows.toEntity(session));
        return new CreateResult(session, ended, newDevice);
    }

    @Override
    public Optional<SessionRecord> findByTokenHash(TokenHash tokenHash) {
        return tx.read("find a session by token", em -> em
                .createQuery(SessionSql.FIND_BY_TOKEN_HASH, SessionEntity.class)
                .setParameter("hash", tokenHash.hex())
                .getResultStream().findFirst().map(SessionRows::toRecord));
    }

    @Override
    public Optional<SessionRecord> findById(SessionId id) {
        return tx.read("find a session by id", em -> Optional.ofNullable(em.find(SessionEntity.class, id.value()))
                .map(SessionRows::toRecord));
    }

    /** One transaction per chunk; each chunk is one JDBC batch of conditional updates (see {@link ActivityBatch}). */
    @Override
    public int recordActivity(List<ActivityUpdate> updates) {
        int written = 0;
        for (int from = 0; from < updates.size(); from += TOUCH_BATCH_SIZE) {
            List<ActivityUpdate> chunk = updates.subList(from, Math.min(updates.size(), from + TOUCH_BATCH_SIZE));
            written += tx.write("record the activity of " + chunk.size() + " sessions",
                    em -> ActivityBatch.write(em.unwrap(Connection.class), dialect, chunk));
        }
        return written;
    }

    @Override
    public Optional<SessionRecord> end(SessionId id, EndReason reason, Instant now) {
        return tx.write("end a session", em -> SessionEnds.endIfActive(em, id, reason, now)
                ? announced(em, SessionRows.toRecord(em.find(SessionEntity.class, id.value())))
                : Optional.<SessionRecord>empty());
    }

    @Override
    public List<SessionRecord> endAllOfUser(String userId, Optional<SessionId> except, EndReason reason,
            Instant now) {
        return tx.write("end a user's sessions",
                em -> announcements.announce(em,
                        SessionEnds.endLocked(em, SessionEnds.lockActiveOf(em, userId, except), reason, now)));
    }

    @Override
    public Optional<SessionRecord> replace(SessionId old, SessionRecord replacement, EndReason reason,
            Instant now) {
        return tx.write("rotate a session", em -> {
            if (!SessionEnds.endIfActive(em, old, reason, now)) {
                return Optional.<SessionRecord>empty();
            }
            em.persist(SessionRows.toEntity(replacement));
            return announced(em, SessionRows.toRecord(em.find(SessionEntity.class, old.value())));
        });
    }

    @Override
    public List<SessionRecord> endExpired(Instant now, int limit) {
        // Announced too: a node's cached copy may carry an idle deadline its own activity moved on.
        return tx.write("end expired sessions",
                em -> announcements.announce(em, SessionEnds.endExpiredBatch(em, dialect, now, limit)));
    }

    @Override
    public int purgeEndedBefore(Instant cutoff, int limit) {
        return tx.write("purge old history", em -> {
            List<String> ids = em.createQuery(SessionSql.ENDED_BEFORE, String.class)
                    .setParameter("cutoff", utc(cutoff))
                    .setMaxResults(limit)
                    .getResultList();
            if (ids.isEmpty()) {
                return 0;
            }
            return em.createQuery(SessionSql.DELETE_ENDED)
                    .setParameter("ids", ids)
                    .executeUpdate();
        });
    }

    @Override
    public boolean tryAcquireLease(String name, String holder, Instant now, Duration ttl) {
        return leases.tryAcquireLease(name, holder, now, ttl);
    }

    @Override
    public void releaseLease(String name, String holder) {
        leases.releaseLease(name, holder);
    }

    @Override
    public List<SessionRecord> listActive(String userId, Instant now) {
        return listings.listActive(userId, now);
    }

    @Override
    public Page<SessionRecord> search(SessionSearch search, Instant now, PageRequest page) {
        return listings.search(search, now, page);
    }

    @Override
    public long countAll(String userId) {
        return reports.countAll(userId);
    }

    @Override
    public Map<String, Long> countByDevice(Optional<String> userId, Optional<Instant> activeAt, DeviceField field) {
        return reports.countByDevice(userId, activeAt, field);
    }

    @Override
    public Map<String, Long> countEndsByReason(Instant endedSince) {
        return reports.countEndsByReason(endedSince);
    }

    @Override
    public DurationSummary durations(String userId) {
        return reports.durations(userId);
    }

    @Override
    public Map<Instant, Long> loginsPer(Optional<String> userId, Instant since, TimeBucket bucket) {
        return reports.loginsPer(userId, since, bucket);
    }

    @Override
    public Map<Instant, Long> endsPer(Instant since, TimeBucket bucket) {
        return reports.endsPer(since, bucket);
    }

    @Override
    public SecurityEventStore securityEvents() {
        return securityEvents;
    }

    @Override
    public LoginAttemptStore loginAttempts() {
        return loginAttempts;
    }

    @Override
    public RememberMeStore rememberMe() {
        return rememberMe;
    }

    /** On PostgreSQL, LISTEN/NOTIFY; other databases have no channel and rely on the latency bound alone. */
    @Override
    public Optional<EndedSessionsChannel> openEndedSessionsChannel() {
        if (!dialect.hasNotifyChannel()) {
            return Optional.empty();
        }
        return listenConnections.map(PostgresEndedSessionsChannel::new);
    }

    @Override
    public void close() {
        if (factory.isOpen()) {
            factory.close();
        }
    }


    private Optional<SessionRecord> announced(EntityManager em, SessionRecord ended) {
        return Optional.of(announcements.announce(em, List.of(ended)).get(0));
    }
}
