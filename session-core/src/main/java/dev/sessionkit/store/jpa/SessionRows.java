package dev.sessionkit.store.jpa;

import dev.sessionkit.device.DeviceInfo;
import dev.sessionkit.device.DeviceType;
import dev.sessionkit.location.Location;
import dev.sessionkit.session.Authentication;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.Ending;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.session.SessionPrincipal;
import dev.sessionkit.session.SessionRecord;
import dev.sessionkit.session.SessionStatus;
import dev.sessionkit.token.TokenHash;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/** Maps session rows to records and back; the only place that knows both shapes. */
final class SessionRows {

    private SessionRows() {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }

    static SessionEntity toEntity(SessionRecord record) {
        SessionEntity e = new SessionEntity();
        e.id = record.id().value();
        e.tokenHash = record.tokenHash().hex();
        e.userId = record.principal().userId();
        e.username = record.principal().username();
        e.roles = String.join(",", record.principal().roles());
        e.createdAt = utc(record.createdAt());
        e.lastAccessedAt = utc(record.lastAccessedAt());
        e.idleExpiresAt = utc(record.idleExpiresAt());
        e.absoluteExpiresAt = utc(record.absoluteExpiresAt());
        e.status = record.status().wireName();
        e.endedAt = record.ending().map(end -> utc(end.at())).orElse(null);
        e.endReason = record.ending().map(end -> end.reason().wireName()).orElse(null);
        e.ipAddress = record.ipAddress();
        e.userAgent = record.userAgent();
        e.deviceType = record.device().type().wireName();
        e.browser = record.device().browser();
        e.os = record.device().os();
        e.locationCity = record.location().flatMap(Location::city).orElse(null);
        e.locationCountryCode = record.location().map(Location::countryCode).orElse(null);
        e.locationCountryName = record.location().map(Location::countryName).orElse(null);
        e.browserIdHash = record.browserIdHash().map(TokenHash::hex).orElse(null);
        e.authenticatedAt = utc(record.authentication().at());
        e.authMethod = record.authentication().method();
        e.authLevel = record.authentication().level().isPresent() ? record.authentication().level().getAsInt()
                : null;
        return e;
    }

    static SessionRecord toRecord(SessionEntity e) {
        Set<String> roles = e.roles.isEmpty() ? Set.of()
                : Arrays.stream(e.roles.split(",")).collect(Collectors.toUnmodifiableSet());
        Optional<Ending> ending = SessionStatus.fromWireName(e.status) == SessionStatus.ACTIVE
                ? Optional.empty()
                : Optional.of(new Ending(instant(e.endedAt), EndReason.fromWireName(e.endReason)
                        .orElseThrow(() -> new IllegalStateException("unknown end reason in row " + e.id))));
        Optional<Location> location = Optional.ofNullable(e.locationCountryCode)
                .map(code -> new Location(Optional.ofNullable(e.locationCity), code,
                        e.locationCountryName == null ? code : e.locationCountryName));
        return new SessionRecord(new SessionId(e.id), new TokenHash(e.tokenHash),
                new SessionPrincipal(e.userId, e.username, roles),
                instant(e.createdAt), instant(e.lastAccessedAt), instant(e.idleExpiresAt),
                instant(e.absoluteExpiresAt), ending, e.ipAddress, e.userAgent,
                new DeviceInfo(DeviceType.fromWireName(e.deviceType), e.browser, e.os), location,
                Optional.ofNullable(e.browserIdHash).map(TokenHash::new), authentication(e));
    }

    private static Authentication authentication(SessionEntity e) {
        if (e.authenticatedAt == null || e.authMethod == null) {
            return new Authentication(instant(e.createdAt), Authentication.UNKNOWN, OptionalInt.empty());
        }
        return new Authentication(instant(e.authenticatedAt), e.authMethod,
                e.authLevel == null ? OptionalInt.empty() : OptionalInt.of(e.authLevel));
    }
}
