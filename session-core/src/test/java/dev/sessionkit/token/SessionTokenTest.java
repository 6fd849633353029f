package dev.sessionkit.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionTokenTest {

    private final TokenGenerator generator = TokenGenerator.secureRandom(new SecureRandom());

    @Test
    void generatedTokensAre43Base64UrlCharactersAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = generator.next().reveal();
            assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
            assertTrue(seen.add(token), "no token repeats");
        }
    }

    @Test
    void tokenDecodesTo32RandomBytes() {
        byte[] bytes = java.util.Base64.getUrlDecoder().decode(generator.next().reveal());
        assertEquals(32, bytes.length);
    }

    @Test
    void toStringNeverRevealsTheToken() {
        SessionToken token = generator.next();
        assertFalse(token.toString().contains(token.reveal()));
        assertFalse(String.valueOf(Optional.of(token)).contains(token.reveal()));
        assertFalse(token.hash().toString().contains(token.hash().hex()), "hashes print shortened too");
    }

    @Test
    void hashIsTheSha256OfTheToken() throws Exception {
        SessionToken token = SessionToken.parse("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ").orElseThrow();
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(token.reveal().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(java.util.HexFormat.of().formatHex(digest), token.hash().hex());
    }

    @Test
    void parseAcceptsExactlyAGeneratedToken() {
        SessionToken token = generator.next();
        assertEquals(Optional.of(token), SessionToken.parse(token.reveal()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQR",
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP=", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP+",
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP ", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPé",
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP\n"})
    void parseRefusesAnythingElse(String text) {
        assertEquals(Optional.empty(), SessionToken.parse(text));
    }

    @Test
    void parseRefusesOverlongInputCheaply() {
        assertEquals(Optional.empty(), SessionToken.parse("a".repeat(1_000_000)));
    }
}
