package dev.sessionkit.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Merges setting sources into validated settings: for each key the strongest source that sets it wins, unset keys
 * keep their default. Servlet code passes init-params, context params, {@code sessionkit.properties} and the
 * environment in that order, as the SPEC ranks them, and resolves core's and the web module's settings from the
 * same list.
 *
 * <p>Fails fast: a key no owner reads (a typo) or a value that does not parse or validate ends resolution with an
 * {@link InvalidSettingException} naming the key and the source. Stateless and thread-safe.
 */
public final class SettingsResolver {

    private SettingsResolver() {
    }

    /**
     * Resolves core settings from sources that hold core settings only, ranked strongest first.
     *
     * @param strongestFirst the sources, e.g. {@code List.of(options, environment)}; an empty list gives
     *     {@link SessionkitSettings#defaults()}; neither the list nor its elements null
     * @return the merged, validated settings; never null
     * @throws InvalidSettingException if a source holds an unknown key (the message names it, the source and the
     *     closest setting key if one is close) or a value is invalid (the message names key, value unless
     *     secret, source and fix); {@link InvalidSettingException#key()} is the offending key
     * @throws NullPointerException if the list or an element is null, or a source answers null
     */
    public static SessionkitSettings resolve(List<SettingSource> strongestFirst) {
        return resolve(strongestFirst, SettingCatalog.empty());
    }

    /**
     * Resolves core settings from sources that also carry other owners' settings, such as the web module's: their
     * keys are known, so not reported, and a typo of one gets its suggestion. Other owners' values are left to
     * {@link #values} with their own catalog.
     *
     * @param strongestFirst the sources ranked strongest first; neither the list nor its elements null
     * @param otherOwners every other setting the sources may carry
     * @return the merged, validated core settings; never null
     * @throws InvalidSettingException as {@link #resolve(List)} does
     */
    public static SessionkitSettings resolve(List<SettingSource> strongestFirst, SettingCatalog otherOwners) {
        List<SettingSource> sources = List.copyOf(strongestFirst);
        rejectUnknownKeys(sources, SettingKey.ALL.and(otherOwners));
        return new SessionkitSettings(values(sources, SettingKey.ALL));
    }

    /**
     * Fails on the first source holding a key that none of the {@code known} settings has.
     *
     * @param strongestFirst the sources; neither the list nor its elements null
     * @param known every setting of every owner that reads these sources
     * @throws InvalidSettingException naming the unknown keys (at most five), the source and a suggestion for each
     */
    public static void rejectUnknownKeys(List<SettingSource> strongestFirst, SettingCatalog known) {
        for (SettingSource source : List.copyOf(strongestFirst)) {
            Set<String> unknown = Objects.requireNonNull(source.unknownKeys(known),
                    "SettingSource.unknownKeys returned null");
            if (!unknown.isEmpty()) {
                String first = unknown.iterator().next();
                String listed = unknown.stream().limit(5).map(key -> withSuggestion(key, known))
                        .collect(Collectors.joining(", "))
                        + (unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : "");
                throw new InvalidSettingException(first, "unknown setting " + listed + " in " + source.describe()
                        + "; the README's settings table lists the valid keys");
            }
        }
    }

    /**
     * Merges one owner's settings from sources ranked strongest first and checks them; keys the sources hold for
     * no setting of {@code owner} are ignored here, as {@link #rejectUnknownKeys} judges them.
     *
     * @param strongestFirst the sources; neither the list nor its elements null
     * @param owner the settings to resolve
     * @return the validated values; never null
     * @throws InvalidSettingException if a value does not parse or validate: the message names key, value unless
     *     secret, the source it came from and the fix
     */
    public static SettingValues values(List<SettingSource> strongestFirst, SettingCatalog owner) {
        List<SettingSource> sources = List.copyOf(strongestFirst);
        SettingValues.Builder builder = SettingValues.builder(owner);
        Map<Setting<?>, String> origins = new LinkedHashMap<>();
        for (Setting<?> setting : owner.settings()) {
            for (SettingSource source : sources) {
                Optional<String> value = Objects.requireNonNull(source.get(setting), "SettingSource.get returned null");
                if (value.isPresent() && !value.get().isBlank()) {
                    origins.put(setting, source.describe());
                    try {
                        builder.parse(setting, value.get());
                    } catch (InvalidSettingException e) {
                        throw withOrigin(e, origins, owner);
                    }
                    break;
                }
            }
        }
        try {
            return builder.build();
        } catch (InvalidSettingException e) {
            throw withOrigin(e, origins, owner);
        }
    }

    private static String withSuggestion(String unknownKey, SettingCatalog known) {
        return Texts.quote(unknownKey)
                + known.closest(unknownKey).map(key -> " (did you mean '" + key.key() + "'?)").orElse("");
    }

    /**
     * Adds where the offending key came from, and the sources of other keys the message names (a cross-field
     * rule), so the operator knows which file or variable to edit.
     */
    private static InvalidSettingException withOrigin(InvalidSettingException e, Map<Setting<?>, String> origins,
            SettingCatalog owner) {
        String keySource = owner.find(e.key()).map(origins::get).orElse(null);
        StringBuilder message = new StringBuilder(e.getMessage()).append(" [").append(e.key())
                .append(keySource == null ? " not set, default used" : " set in " + keySource);
        for (Map.Entry<Setting<?>, String> origin : origins.entrySet()) {
            String other = origin.getKey().key();
            if (!other.equals(e.key()) && e.getMessage().contains(other)) {
                message.append("; ").append(other).append(" set in ").append(origin.getValue());
            }
        }
        message.append(']');
        return e.getCause() == null ? new InvalidSettingException(e.key(), message.toString())
                : new InvalidSettingException(e.key(), message.toString(), e.getCause());
    }
}
