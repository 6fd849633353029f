package dev.sessionkit.store.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One row of {@code sessionkit_security_event}; {@link SecurityEventRows} maps it to and from
 * {@link dev.sessionkit.security.SecurityEvent}. Rows are written once and never changed.
 */
@Entity
@Cacheable(false)
@Table(name = "sessionkit_security_event")
class SecurityEventEntity {

    @Id
    @Column(name = "id", length = 22)
    String id;

    @Column(name = "occurred_at", nullable = false)
    OffsetDateTime occurredAt;

    @Column(name = "event_type", length = 48, nullable = false)
    String eventType;

    @Column(name = "outcome", length = 16, nullable = false)
    String outcome;

    @Column(name = "user_id")
    String userId;

    @Column(name = "session_id", length = 22)
    String sessionId;

    @Column(name = "ip_address", length = 64, nullable = false)
    String ipAddress;

    @Column(name = "device", length = 128, nullable = false)
    String device;

    @Column(name = "location_city", length = 128)
    String locationCity;

    @Column(name = "location_country_code", length = 2)
    String locationCountryCode;

    @Column(name = "location_country_name", length = 128)
    String locationCountryName;

    @Column(name = "latitude")
    Double latitude;

    @Column(name = "longitude")
    Double longitude;

    @Column(name = "signals", nullable = false)
    String signals;

    @Column(name = "action", length = 32, nullable = false)
    String action;

    @Column(name = "detail", length = 64, nullable = false)
    String detail;
}
