package dev.sessionkit.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionIdTest {

    @Test
    void randomIdsAre22Base64UrlCharacters() {
        SessionId id = SessionId.random(new SecureRandom());
        assertTrue(id.value().matches("[A-Za-z0-9_-]{22}"));
        assertEquals(Optional.of(id), SessionId.parse(id.value()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1", "../../etc/passwd", "abcdefghijklmnopqrstu", "abcdefghijklmnopqrstuvw",
            "abcdefghijklmnopqrstu'", "abcdefghijklmnopqrstu%", "abcdefghijklmnopqrstu\u0000", "ａbcdefghijklmnopqrstuv",
            "1 OR 1=1; DROP TABLE x"})
    void parseRefusesAnythingButTheExactFormat(String text) {
        assertEquals(Optional.empty(), SessionId.parse(text));
    }

    @Test
    void constructorRefusesBadValuesWithIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> new SessionId("nope"));
    }

    @Test
    void principalRefusesCommasInRolesAndOverlongNames() {
        assertThrows(IllegalArgumentException.class, () -> new SessionPrincipal("u", "u", Set.of("a,b")));
        assertThrows(IllegalArgumentException.class, () -> new SessionPrincipal("x".repeat(256), "u", Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new SessionPrincipal(" ", "u", Set.of()));
    }
}
