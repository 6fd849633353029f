package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.token.TokenGenerator;
import dev.sessionkit.token.TokenHash;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Error lines: one line, passwords and token-shaped words masked, ids and hashes left readable. */
class RedactorTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void applyWhenTokenInTextThenMasked() {
        String token = TokenGenerator.secureRandom(RANDOM).next().reveal();

        assertEquals("Unknown option: '[token]'",
                Redactor.of(new String[0], Map.of()).apply("Unknown option: '" + token + "'"));
    }

    @Test
    void applyWhenSessionIdOrTokenHashThenKept() {
        String id = "AbCdEfGhIjKlMnOpQrStUv";
        String hash = TokenHash.ofSecret("x").hex();
        String text = "no session with id " + id + " (" + hash + ")";

        assertEquals(text, Redactor.of(new String[0], Map.of()).apply(text));
    }

    @Test
    void applyWhenPasswordFromOptionOrEnvironmentThenMasked() {
        Redactor redactor = Redactor.of(new String[] {"--jdbc-password", "opt-secret", "--jdbc-password=eq-secret"},
                Map.of("SESSIONKIT_JDBC_PASSWORD", "env-secret"));

        assertEquals("url ?password=**** and **** and ****",
                redactor.apply("url ?password=opt-secret and eq-secret and env-secret"));
    }

    @Test
    void applyWhenSeveralLinesThenOneLine() {
        assertEquals("first second third",
                Redactor.of(new String[0], Map.of()).apply("first\n  second\r\n\nthird\n"));
    }
}
