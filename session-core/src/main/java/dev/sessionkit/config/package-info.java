/**
 * Sessionkit's settings: one immutable, validated {@link dev.sessionkit.config.SessionkitSettings} read once at
 * start-up, so no running code ever sees a half-valid or changing configuration.
 *
 * <h2>Where values come from</h2>
 * Every {@link dev.sessionkit.config.Setting} has one spelling ({@code idle-timeout}) that works as a filter
 * init-param, a servlet-context param and a {@code sessionkit.properties} entry, and one environment variable
 * ({@code SESSIONKIT_IDLE_TIMEOUT}). Each setting is defined once, with its parser, default, documentation and
 * check; each owner lists its own in a {@link dev.sessionkit.config.SettingCatalog}: core's store, lifecycle and
 * policy settings are {@link dev.sessionkit.config.SettingKey}, the web ones (cookies, paths, proxies) live in
 * session-servlet. Each place is a {@link dev.sessionkit.config.SettingSource};
 * {@link dev.sessionkit.config.SettingsResolver#resolve} takes them strongest first (init-param, context param,
 * properties, environment) and lets the first that sets a key win. Blank values count as unset.
 * <pre>{@code
 * List<SettingSource> sources = List.of(
 *         SettingSource.of("init-param", initParams),
 *         SettingSource.shared("context-param", contextParams),
 *         SettingSource.classpathProperties(classLoader),
 *         SettingSource.environment());
 * SessionkitSettings settings = SettingsResolver.resolve(sources, webCatalog); // web keys are known, not typos
 * SettingValues web = SettingsResolver.values(sources, webCatalog);
 * }</pre>
 * A Sessionkit that cannot start fails with a subtype naming what to do: the database is unreachable
 * ({@link dev.sessionkit.config.StoreUnreachableException}), its tables are incomplete
 * ({@link dev.sessionkit.config.SchemaIncompleteException}), or the JNDI DataSource does not exist
 * ({@link dev.sessionkit.config.DataSourceNotFoundException}).
 * Code and tests that need no sources use {@link dev.sessionkit.config.SessionkitSettings#builder()}, whose
 * setters are typed ({@link java.time.Duration}, enums, {@link java.nio.file.Path}).
 *
 * <h2>Failing fast</h2>
 * A key that is no setting (a typo such as {@code idle-timout}), a value that does not parse, or values that do
 * not fit together (a {@code touch-interval} not shorter than {@code idle-timeout}) stop start-up with an
 * {@link dev.sessionkit.config.InvalidSettingException}. Its {@code key()} names the setting; its message names
 * the value, the source and the fix, and never contains the database password. Durations follow one grammar,
 * ISO-8601 ({@code PT30M}) or short ({@code 30m}), parsed by {@link dev.sessionkit.config.DurationParser}.
 *
 * <h2>Documentation</h2>
 * {@link dev.sessionkit.config.SettingsDocumentation#markdownTable} generates the README's settings table from
 * the catalogs, and a test keeps the two equal.
 *
 * <p>All public types here are immutable and thread-safe except the single-threaded builders
 * ({@link dev.sessionkit.config.SessionkitSettingsBuilder}, {@link dev.sessionkit.config.SettingValues.Builder},
 * {@link dev.sessionkit.config.SettingDefinition}). No method returns null; optional values are
 * {@link java.util.Optional} and absent lists are empty.
 */
package dev.sessionkit.config;
