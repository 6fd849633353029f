package dev.sessionkit.metrics;

import dev.sessionkit.session.EndReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * Sessionkit's figures for Micrometer (an optional dependency: add {@code io.micrometer:micrometer-core}):
 * {@code sessionkit.sessions.created}, {@code sessionkit.sessions.ended} (tag {@code reason}),
 * {@code sessionkit.validations} (tag {@code outcome}) and the gauge {@code sessionkit.sessions.active}. Reads the
 * counters when scraped; the request path pays one counter increment.
 * <pre>{@code new SessionkitMeterBinder(sessionkit.counts()).bindTo(registry);}</pre>
 */
public final class SessionkitMeterBinder implements MeterBinder {

    private final SessionCounts counts;

    /**
     * Binds these counts.
     *
     * @param counts from {@code Sessionkit.counts()}
     */
    public SessionkitMeterBinder(SessionCounts counts) {
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("sessionkit.sessions.created", counts, SessionCounts::created)
                .description("Sessions started").register(registry);
        for (EndReason reason : EndReason.values()) {
            FunctionCounter.builder("sessionkit.sessions.ended", counts, c -> c.ended(reason))
                    .tag("reason", reason.wireName()).description("Sessions ended, by reason").register(registry);
        }
        for (String outcome : SessionCounts.OUTCOMES) {
            FunctionCounter.builder("sessionkit.validations", counts, c -> c.validations(outcome))
                    .tag("outcome", outcome).description("Session validations, by outcome").register(registry);
        }
        Gauge.builder("sessionkit.sessions.active", counts, SessionCounts::active)
                .description("Sessions usable now, as last counted (-1 before the first count)").register(registry);
    }
}
