package dev.sessionkit.store.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One remembered device in {@code sessionkit_remember_series}; only validator hashes, never a validator. */
@Entity
@Cacheable(false)
@Table(name = "sessionkit_remember_series")
class RememberSeriesEntity {

    @Id
    @Column(name = "selector", length = 22)
    String selector;

    @Column(name = "user_id", nullable = false)
    String userId;

    @Column(name = "username", nullable = false)
    String username;

    @Column(name = "roles", length = 2000, nullable = false)
    String roles;

    @Column(name = "validator_hash", length = 64, nullable = false)
    String validatorHash;

    @Column(name = "previous_validator_hash", length = 64)
    String previousValidatorHash;

    @Column(name = "rotated_at", nullable = false)
    OffsetDateTime rotatedAt;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    OffsetDateTime expiresAt;

    @Column(name = "device", length = 128, nullable = false)
    String device;
}
