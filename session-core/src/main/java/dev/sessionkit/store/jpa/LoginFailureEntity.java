package dev.sessionkit.store.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One failed sign-in attempt in {@code sessionkit_login_failure}: which account (as a key), from where, when. */
@Entity
@Cacheable(false)
@Table(name = "sessionkit_login_failure")
class LoginFailureEntity {

    @Id
    @Column(name = "id", length = 22)
    String id;

    @Column(name = "account_key", length = 64, nullable = false)
    String accountKey;

    @Column(name = "ip_address", length = 64, nullable = false)
    String ipAddress;

    @Column(name = "failed_at", nullable = false)
    OffsetDateTime failedAt;
}
