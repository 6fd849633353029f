package dev.sessionkit.cli;

import dev.sessionkit.Sessionkit;
import dev.sessionkit.config.SchemaMode;
import dev.sessionkit.config.SessionkitSettings;
import dev.sessionkit.config.Setting;
import dev.sessionkit.config.SettingKey;
import dev.sessionkit.config.SettingSource;
import dev.sessionkit.config.SettingsResolver;
import dev.sessionkit.device.DeviceDetector;
import dev.sessionkit.store.jpa.SchemaScripts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code sessionkit}: the connection options, and the one place a run opens Sessionkit. Settings come from the
 * options and the {@code SESSIONKIT_*} environment variables (options win), so every setting the web app reads
 * from its environment, such as {@code history-retention}, means the same here.
 */
@Command(name = "sessionkit", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, usageHelpAutoWidth = true, sortOptions = false,
        description = "Lists, checks and ends Sessionkit login sessions, runs cleanup, and manages the schema.",
        subcommands = {ListCommand.class, ShowCommand.class, ValidateCommand.class, RevokeCommand.class,
            CleanupCommand.class, StatsCommand.class, SchemaCommand.class})
final class SessionkitCommand implements Callable<Integer> {

    /** Shown by {@code sessionkit --help} only (command attributes set here would be inherited by every command). */
    static final String[] FOOTER = {"%nDatabase:",
        "Each option falls back to its environment variable: SESSIONKIT_JDBC_URL, SESSIONKIT_JDBC_USER, "
                + "SESSIONKIT_JDBC_PASSWORD. Prefer the variable for the password: a command line shows in `ps` and "
                + "in shell history. Other SESSIONKIT_* settings (e.g. SESSIONKIT_HISTORY_RETENTION) apply as in the "
                + "web app."};

    private final CliContext context;
    private final String nodeId = "sessionkit-cli-" + UUID.randomUUID();

    @Spec
    CommandSpec spec;

    @Option(names = "--jdbc-url", paramLabel = "URL", scope = ScopeType.LOCAL,
            description = "JDBC URL of the session database, e.g. jdbc:postgresql://db:5432/app "
                    + "(default: $SESSIONKIT_JDBC_URL).")
    String urlOption;

    @Option(names = "--jdbc-user", paramLabel = "NAME", scope = ScopeType.LOCAL,
            description = "Database user (default: $SESSIONKIT_JDBC_USER, else sa).")
    String userOption;

    @Option(names = "--jdbc-password", paramLabel = "PASSWORD", scope = ScopeType.LOCAL,
            description = "Database password (default: $SESSIONKIT_JDBC_PASSWORD; prefer the variable).")
    String passwordOption;

    SessionkitCommand(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    CliContext context() {
        return context;
    }

    /** {@return this run's name for the cleanup lease, so cleanup can give the lease back when done} */
    String nodeId() {
        return nodeId;
    }

    /**
     * Resolves the settings: options, then environment, then defaults; the schema mode is the command's, and
     * JNDI and GeoIP are off (a command line has no container and logs nobody in).
     *
     * @throws CliException (usage) when neither {@code --jdbc-url} nor {@code SESSIONKIT_JDBC_URL} names a
     *     database: the default demo file database is not a guess an operator's command should make
     */
    SessionkitSettings settings(SchemaMode schema) {
        if (jdbcUrl().isEmpty()) {
            throw new CliException(ExitCode.USAGE, "no database given: use --jdbc-url URL or set "
                    + SettingKey.JDBC_URL.envName() + ". Try 'sessionkit --help'.");
        }
        Map<String, String> options = new HashMap<>();
        put(options, SettingKey.JDBC_URL, urlOption);
        put(options, SettingKey.JDBC_USER, userOption);
        put(options, SettingKey.JDBC_PASSWORD, passwordOption);
        SessionkitSettings resolved = SettingsResolver.resolve(List.of(SettingSource.of("command line", options),
                SettingSource.environment(context.env())));
        return resolved.toBuilder().schema(schema).datasource(null).geoipDatabase(null).build();
    }

    /**
     * Opens Sessionkit on these settings with this run's clock, as a tool: no cache, no activity buffer, no thread,
     * so what a command reads or writes is the database's state at once. The caller closes it.
     */
    Sessionkit open(SessionkitSettings settings) {
        return Sessionkit.builder(settings).forTools().clock(context.clock()).devices(DeviceDetector.none())
                .nodeId(nodeId).build();
    }

    /** {@return the JDBC URL from the option or the environment, if either gives one} */
    Optional<String> jdbcUrl() {
        return Optional.ofNullable(urlOption)
                .or(() -> Optional.ofNullable(context.env().get(SettingKey.JDBC_URL.envName())))
                .filter(url -> !url.isBlank());
    }

    /** {@return the scripts for the database the JDBC URL points at, from its sub-protocol (jdbc:h2:...)} */
    Optional<SchemaScripts> databaseOfUrl() {
        return jdbcUrl().map(url -> url.split(":", 3)).filter(parts -> parts.length == 3)
                .flatMap(parts -> SchemaScripts.forDatabase(parts[1]));
    }

    private static void put(Map<String, String> options, Setting<?> key, String value) {
        if (value != null) {
            options.put(key.key(), value);
        }
    }
}
