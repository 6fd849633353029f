package dev.sessionkit.store.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which remembered device started a session, in {@code sessionkit_remember_session}. */
@Entity
@Cacheable(false)
@Table(name = "sessionkit_remember_session")
class RememberLinkEntity {

    @Id
    @Column(name = "session_id", length = 22)
    String sessionId;

    @Column(name = "selector", length = 22, nullable = false)
    String selector;
}
