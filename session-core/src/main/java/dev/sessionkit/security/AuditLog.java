package dev.sessionkit.security;

import dev.sessionkit.json.JsonWriter;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit stream: every security event as one JSON line on the logger {@value #LOGGER}, with Elastic Common
 * Schema field names, so Filebeat, Fluent Bit or Splunk can ship it unchanged. Carries only what the event holds:
 * never a token, hash, password or cookie.
 */
public final class AuditLog {

    /** The logger name to route to the SIEM's file or appender. */
    public static final String LOGGER = "dev.sessionkit.audit";

    private final System.Logger log;

    /** A log writing to {@value #LOGGER}. */
    public AuditLog() {
        this(System.getLogger(LOGGER));
    }

    AuditLog(System.Logger log) {
        this.log = log;
    }

    /**
     * Writes one line per event.
     *
     * @param events the events just recorded
     */
    public void write(List<SecurityEvent> events) {
        if (!log.isLoggable(Level.INFO)) {
            return;
        }
        for (SecurityEvent event : events) {
            log.log(Level.INFO, line(event));
        }
    }

    /**
     * Formats one event as an ECS JSON line.
     *
     * @param event the event
     * @return one line of compact JSON
     */
    public static String line(SecurityEvent event) {
        Map<String, Object> ecs = new LinkedHashMap<>();
        ecs.put("@timestamp", event.at().toString());
        ecs.put("event.kind", event.isAlert() ? "alert" : "event");
        ecs.put("event.category", List.of(event.type().wireName().startsWith("session_") ? "session"
                : "authentication"));
        ecs.put("event.action", event.type().wireName());
        ecs.put("event.outcome", event.outcome().wireName());
        ecs.put("event.id", event.id().value());
        event.userId().ifPresent(user -> ecs.put("user.id", user));
        event.sessionId().ifPresent(session -> ecs.put("session.id", session.value()));
        if (!event.ipAddress().isEmpty()) {
            ecs.put("source.ip", event.ipAddress());
        }
        if (!event.device().isEmpty()) {
            ecs.put("user_agent.name", event.device());
        }
        event.location().ifPresent(location -> {
            ecs.put("source.geo.country_iso_code", location.countryCode());
            location.city().ifPresent(city -> ecs.put("source.geo.city_name", city));
        });
        if (!event.signals().isEmpty()) {
            ecs.put("sessionkit.signals", event.signals().stream().map(RiskSignal::wireName).toList());
        }
        ecs.put("sessionkit.action", event.action().wireName());
        if (!event.detail().isEmpty()) {
            ecs.put("event.reason", event.detail());
        }
        return JsonWriter.compact(ecs);
    }
}
