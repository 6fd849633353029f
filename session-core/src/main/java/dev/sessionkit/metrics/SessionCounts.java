package dev.sessionkit.metrics;

import dev.sessionkit.service.InvalidReason;
import dev.sessionkit.service.SessionListener;
import dev.sessionkit.service.ValidationCounter;
import dev.sessionkit.service.ValidationResult;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The figures of one running Sessionkit, kept as plain counters (no metrics library needed): sessions created and
 * ended by reason, validations by outcome, and the active sessions as last counted (periodically, never per
 * request). {@link SessionkitMeterBinder} shows them to Micrometer, {@link SessionkitMBean} to JMX. Thread-safe.
 */
public final class SessionCounts implements SessionListener, ValidationCounter {

    /** The outcomes validations are counted by. */
    public static final String[] OUTCOMES = {"valid", "unknown", "ended", "expired"};

    private final LongAdder created = new LongAdder();
    private final Map<EndReason, LongAdder> ended = new EnumMap<>(EndReason.class);
    private final LongAdder[] validations = new LongAdder[OUTCOMES.length];
    private final AtomicLong active = new AtomicLong(-1);

    /** Starts at zero. */
    public SessionCounts() {
        for (EndReason reason : EndReason.values()) {
            ended.put(reason, new LongAdder());
        }
        for (int i = 0; i < validations.length; i++) {
            validations[i] = new LongAdder();
        }
    }

    @Override
    public void created(SessionRecord session, boolean newDevice) {
        created.increment();
    }

    @Override
    public void ended(SessionRecord session, EndReason reason) {
        ended.get(reason).increment();
    }

    @Override
    public void validated(ValidationResult result) {
        validations[indexOf(result)].increment();
    }

    private static int indexOf(ValidationResult result) {
        if (result instanceof ValidationResult.Invalid invalid) {
            InvalidReason reason = invalid.reason();
            return reason == InvalidReason.UNKNOWN ? 1 : reason == InvalidReason.ENDED ? 2 : 3;
        }
        return 0;
    }

    /** {@return sessions created since start} */
    public long created() {
        return created.sum();
    }

    /**
     * Returns the sessions ended since start for a reason.
     *
     * @param reason the end reason
     * @return how many
     */
    public long ended(EndReason reason) {
        return ended.get(reason).sum();
    }

    /**
     * Returns the validations since start with an outcome.
     *
     * @param outcome one of {@link #OUTCOMES}
     * @return how many
     */
    public long validations(String outcome) {
        for (int i = 0; i < OUTCOMES.length; i++) {
            if (OUTCOMES[i].equals(outcome.toLowerCase(Locale.ROOT))) {
                return validations[i].sum();
            }
        }
        throw new IllegalArgumentException("no outcome " + outcome);
    }

    /** {@return the active sessions as last counted; -1 before the first count} */
    public long active() {
        return active.get();
    }

    /**
     * Records a fresh count of the active sessions.
     *
     * @param count the sessions usable now
     */
    public void counted(long count) {
        active.set(count);
    }
}
