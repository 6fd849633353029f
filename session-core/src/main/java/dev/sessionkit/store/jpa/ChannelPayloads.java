package dev.sessionkit.store.jpa;

import dev.sessionkit.session.SessionId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The text of notifications on {@link SessionSql#CHANNEL}: comma-separated public session ids, or a heartbeat,
 * {@code ~} and a sequence number ({@code ~} is never part of an id).
 */
final class ChannelPayloads {

    /** PostgreSQL refuses payloads of 8000 bytes or more; ids are 22 ASCII characters plus a comma. */
    static final int MAX_PAYLOAD = 7_800;
    private static final String HEARTBEAT = "~";

    private ChannelPayloads() {
    }

    /** Splits ids into as few payloads as fit. */
    static List<String> of(Collection<SessionId> ids) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        for (SessionId id : ids) {
            if (payload.length() + id.value().length() + 1 > MAX_PAYLOAD) {
                payloads.add(payload.toString());
                payload.setLength(0);
            }
            if (payload.length() > 0) {
                payload.append(',');
            }
            payload.append(id.value());
        }
        if (payload.length() > 0) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    /** The ids in a payload; anything that is not an id is skipped. */
    static List<SessionId> parse(String payload) {
        return Arrays.stream(payload.split(",")).map(SessionId::parse).flatMap(Optional::stream).toList();
    }

    static String heartbeat(long sequence) {
        return HEARTBEAT + sequence;
    }

    static boolean isHeartbeat(String payload) {
        return payload.startsWith(HEARTBEAT);
    }

    /** The sequence number of a heartbeat, or -1 when it has none. */
    static long heartbeatSequence(String payload) {
        try {
            return Long.parseLong(payload.substring(HEARTBEAT.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
