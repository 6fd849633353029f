package dev.sessionkit.metrics;

import dev.sessionkit.session.EndReason;
import java.util.Arrays;
import java.util.Objects;

/** The JMX view of {@link SessionCounts}: a standard MBean. */
public final class SessionkitStats implements SessionkitMBean {

    private final SessionCounts counts;

    /**
     * Shows these counts.
     *
     * @param counts from {@code Sessionkit.counts()}
     */
    public SessionkitStats(SessionCounts counts) {
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    @Override
    public long getSessionsCreated() {
        return counts.created();
    }

    @Override
    public long getSessionsEnded() {
        return Arrays.stream(EndReason.values()).mapToLong(counts::ended).sum();
    }

    @Override
    public long getSessionsActive() {
        return counts.active();
    }

    @Override
    public long getValidationsValid() {
        return counts.validations("valid");
    }

    @Override
    public long getValidationsRefused() {
        return counts.validations("unknown") + counts.validations("ended") + counts.validations("expired");
    }
}
