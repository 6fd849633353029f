package dev.sessionkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.token.SessionToken;
import dev.sessionkit.token.TokenGenerator;
import dev.sessionkit.token.TokenHash;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Fuzzes the parsers of the three identifiers a request can carry: the secret {@link SessionToken} (cookie value),
 * its {@link TokenHash} and the public {@link SessionId} (URL path segment). For any text, a parser either refuses
 * it quietly or accepts exactly the documented shape, checked here character by character without the product's
 * regular expressions; and whatever the product formats (a generated token, a random id) parses back unchanged.
 *
 * <p>Regression inputs: {@code src/test/resources/dev/sessionkit/fuzz/TokenFuzzTestInputs/<method>/}, read as the
 * text under test. Fuzzing one method: see the README's "Fuzzing" section.
 */
class TokenFuzzTest {

    /** Scripted "randomness": the generator under test gets the fuzzer's bytes instead of random ones. */
    private static final ScriptedRandom RANDOM = new ScriptedRandom();
    private static final TokenGenerator GENERATOR = TokenGenerator.secureRandom(RANDOM);

    @FuzzTest
    void sessionTokenParse(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Optional<SessionToken> token = SessionToken.parse(text);

        assertEquals(text.length() == SessionToken.LENGTH && isBase64Url(text), token.isPresent(),
                "accepted iff 43 base64url characters");
        if (token.isPresent()) {
            SessionToken t = token.get();
            assertEquals(text, t.reveal(), "the token is the text, not a normalised copy");
            // 43 characters carry 258 bits: the 32 random bytes of a generated token, plus 2 spare bits.
            assertEquals(32, Base64.getUrlDecoder().decode(text).length);
            assertEquals(TokenHash.ofSecret(text), t.hash(), "a token hashes like the same secret text");
            assertFalse(t.toString().contains(text), "toString() must not reveal the token");
            assertEquals(t, SessionToken.parse(new String(text.toCharArray())).orElseThrow(), "equal by value");
        }
    }

    @FuzzTest
    void generatedTokensParseBack(byte[] input) {
        byte[] secret = Arrays.copyOf(input, 32);
        RANDOM.script(secret);
        SessionToken generated = GENERATOR.next();

        SessionToken parsed = SessionToken.parse(generated.reveal()).orElseThrow(
                () -> new AssertionError("a generated token must parse back"));
        assertEquals(generated, parsed);
        assertArrayEquals(secret, Base64.getUrlDecoder().decode(parsed.reveal()), "the token carries the 32 bytes");
        assertEquals(generated.hash(), parsed.hash());
        TokenHash hash = parsed.hash();
        assertTrue(isLowerHex(hash.hex()) && hash.hex().length() == 64, hash.hex());
        assertEquals(hash, new TokenHash(hash.hex()), "a hash's text form reads back");
    }

    @FuzzTest
    void tokenHashParse(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        boolean wellFormed = text.length() == 64 && isLowerHex(text);
        if (wellFormed) {
            TokenHash hash = new TokenHash(text);
            assertEquals(text, hash.hex());
            assertFalse(hash.toString().contains(text), "toString() shows a prefix only");
        } else {
            assertThrows(IllegalArgumentException.class, () -> new TokenHash(text),
                    "anything but 64 lower-case hex digits is refused");
        }
        // Hashing never fails on any text (lone surrogates included) and is deterministic.
        TokenHash ofText = TokenHash.ofSecret(text);
        assertTrue(isLowerHex(ofText.hex()) && ofText.hex().length() == 64, ofText.hex());
        assertEquals(ofText, TokenHash.ofSecret(new String(text.toCharArray())));
    }

    @FuzzTest
    void sessionIdParse(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Optional<SessionId> id = SessionId.parse(text);

        assertEquals(text.length() == 22 && isBase64Url(text), id.isPresent(), "accepted iff 22 base64url chars");
        if (id.isPresent()) {
            assertEquals(text, id.get().value());
            assertEquals(text, id.get().toString(), "the id's text form is the id");
            assertEquals(id.get(), new SessionId(text), "constructor and parse agree");
        } else {
            assertThrows(IllegalArgumentException.class, () -> new SessionId(text), "constructor and parse agree");
        }
    }

    @FuzzTest
    void randomSessionIdsParseBack(byte[] input) {
        RANDOM.script(Arrays.copyOf(input, 16));
        SessionId random = SessionId.random(RANDOM);
        assertEquals(Optional.of(random), SessionId.parse(random.toString()));
    }

    private static boolean isBase64Url(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerHex(String text) {
        return text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    /** A SecureRandom whose next {@link #nextBytes} call returns scripted bytes (then zeros). Single-threaded. */
    private static final class ScriptedRandom extends SecureRandom {

        private static final long serialVersionUID = 1L;
        private transient byte[] next = new byte[0];

        void script(byte[] bytes) {
            next = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0);
            System.arraycopy(next, 0, bytes, 0, Math.min(next.length, bytes.length));
        }
    }
}
