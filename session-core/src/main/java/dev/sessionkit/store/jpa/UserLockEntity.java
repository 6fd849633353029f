package dev.sessionkit.store.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row per user in {@code sessionkit_user_lock}: locking it ({@code SELECT ... FOR UPDATE}) serialises the logins
 * of that user across threads and nodes, so the session limit is enforced in the database.
 */
@Entity
@Cacheable(false)
@Table(name = "sessionkit_user_lock")
class UserLockEntity {

    @Id
    @Column(name = "user_id")
    String userId;

    protected UserLockEntity() {
        // for JPA
    }
}
