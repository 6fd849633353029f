package dev.sessionkit.store.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One named lease in {@code sessionkit_lease}: which node runs a job, and until when. */
@Entity
@Cacheable(false)
@Table(name = "sessionkit_lease")
class LeaseEntity {

    @Id
    @Column(name = "name", length = 64)
    String name;

    @Column(name = "holder")
    String holder;

    @Column(name = "expires_at", nullable = false)
    OffsetDateTime expiresAt;

    protected LeaseEntity() {
        // for JPA
    }
}
