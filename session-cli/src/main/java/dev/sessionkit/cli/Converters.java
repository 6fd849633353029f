package dev.sessionkit.cli;

import dev.sessionkit.config.DurationParser;
import dev.sessionkit.config.InvalidSettingException;
import dev.sessionkit.session.SessionId;
import dev.sessionkit.store.jpa.SchemaScripts;
import java.time.Duration;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses option and parameter values with the same rules as the rest of Sessionkit; picocli turns a failure into
 * a usage error (exit 2) that names the option.
 */
final class Converters {

    private Converters() {
    }

    /** A session's public id: 22 base64url characters. */
    static final class Id implements ITypeConverter<SessionId> {
        @Override
        public SessionId convert(String text) {
            return SessionId.parse(text).orElseThrow(() -> new TypeConversionException(
                    "'" + text + "' is not a session id (22 characters A-Z a-z 0-9 _ -, as `sessionkit list` shows)"));
        }
    }

    /** A duration in the settings' grammar: ISO-8601 ({@code P30D}) or short ({@code 30d}, {@code 12h}). */
    static final class Length implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            try {
                return DurationParser.parse("duration", text);
            } catch (InvalidSettingException e) {
                throw new TypeConversionException(e.getMessage().replaceFirst("^duration: ", ""));
            }
        }
    }

    /** A database name that has shipped schema scripts. */
    static final class Database implements ITypeConverter<SchemaScripts> {
        @Override
        public SchemaScripts convert(String text) {
            return SchemaScripts.forDatabase(text).orElseThrow(() -> new TypeConversionException(
                    "'" + text + "' has no schema script; use one of " + String.join(", ", SchemaScripts.databases())));
        }
    }

    /** The names {@link Database} accepts, for help texts and shell completion. */
    static final class Databases implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return SchemaScripts.databases().iterator();
        }
    }
}
