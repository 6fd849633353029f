package dev.sessionkit.security;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.config.SessionkitSettingsBuilder;
import dev.sessionkit.device.UserAgentData;
import dev.sessionkit.session.ClientInfo;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.store.memory.InMemorySessionStore;
import dev.sessionkit.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A Sessionkit on the in-memory store with a movable clock and a listener that keeps every event and alert. */
final class MonitoringFixture implements AutoCloseable {

    static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

    final MutableClock clock = MutableClock.atT0();
    final List<SecurityEvent> recorded = new ArrayList<>();
    final List<SecurityEvent> alerts = new ArrayList<>();
    final Sessionkit sessionkit;

    MonitoringFixture(UnaryOperator<SessionkitSettingsBuilder> settings) {
        sessionkit = Sessionkit.builder(settings.apply(SessionkitSettings.builder()).build())
                .store(new InMemorySessionStore()).clock(clock)
                .securityListener(new SecurityEventListener() {
                    @Override
                    public void recorded(SecurityEvent event) {
                        recorded.add(event);
                    }

                    @Override
                    public void alert(SecurityEvent event) {
                        alerts.add(event);
                    }
                }).build();
    }

    static ClientInfo client(String ip, String browserId) {
        return new ClientInfo(ip, UserAgentData.of(FIREFOX), Optional.of(browserId));
    }

    SignIn signIn(String user, ClientInfo client) {
        return sessionkit.security().signIns().signIn(SessionPrincipal.of(user, "user"), client);
    }

    List<EventType> types() {
        return recorded.stream().map(SecurityEvent::type).toList();
    }

    @Override
    public void close() {
        sessionkit.close();
    }
}
