package dev.sessionkit.store.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One row of {@code sessionkit_session}. Never leaves this package: {@link SessionRows} maps it to and from
 * {@link dev.sessionkit.session.SessionRecord}. Times are {@link OffsetDateTime} in UTC because EclipseLink 4
 * would store {@link java.time.Instant} as bytes. Not cacheable: another node may end the session at any time.
 */
@Entity
@Cacheable(false)
@Table(name = "sessionkit_session")
class SessionEntity {

    @Id
    @Column(name = "id", length = 22)
    String id;

    @Column(name = "token_hash", length = 64, nullable = false, unique = true)
    String tokenHash;

    @Column(name = "user_id", nullable = false)
    String userId;

    @Column(name = "username", nullable = false)
    String username;

    @Column(name = "roles", length = 2000, nullable = false)
    String roles;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "last_accessed_at", nullable = false)
    OffsetDateTime lastAccessedAt;

    @Column(name = "idle_expires_at", nullable = false)
    OffsetDateTime idleExpiresAt;

    @Column(name = "absolute_expires_at", nullable = false)
    OffsetDateTime absoluteExpiresAt;

    @Column(name = "status", length = 16, nullable = false)
    String status;

    @Column(name = "ended_at")
    OffsetDateTime endedAt;

    @Column(name = "end_reason", length = 32)
    String endReason;

    @Column(name = "ip_address", length = 64, nullable = false)
    String ipAddress;

    @Column(name = "user_agent", length = 512, nullable = false)
    String userAgent;

    @Column(name = "device_type", length = 16, nullable = false)
    String deviceType;

    @Column(name = "browser", length = 64, nullable = false)
    String browser;

    @Column(name = "os", length = 64, nullable = false)
    String os;

    @Column(name = "location_city", length = 128)
    String locationCity;

    @Column(name = "location_country_code", length = 2)
    String locationCountryCode;

    @Column(name = "location_country_name", length = 128)
    String locationCountryName;

    @Column(name = "browser_id_hash", length = 64)
    String browserIdHash;

    /** Null in rows an earlier version stored: read as an unknown method at the sign-in time. */
    @Column(name = "authenticated_at")
    OffsetDateTime authenticatedAt;

    @Column(name = "auth_method", length = 32)
    String authMethod;

    @Column(name = "auth_level")
    Integer authLevel;

    protected SessionEntity() {
        // for JPA
    }
}
