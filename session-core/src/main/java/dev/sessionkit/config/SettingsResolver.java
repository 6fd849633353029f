package dev.sessionkit.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Merges setting sources into one validated {@link SessionkitSettings}: for each key the strongest source that
 * sets it wins, unset keys keep their default. Servlet code passes init-params, context params,
 * {@code sessionkit.properties} and the environment in that order, as the SPEC ranks them.
 *
 * <p>Fails fast: a key no source may carry (a typo) or a value that does not parse or validate ends resolution
 * with an {@link InvalidSettingException} naming the key and the source. Stateless and thread-safe.
 */
public final class SettingsResolver {

    private SettingsResolver() {
    }

    /**
     * Resolves settings from sources ranked strongest first.
     *
     * @param strongestFirst the sources, e.g. {@code List.of(initParams, contextParams, properties, environment)};
     *     an empty list gives {@link SessionkitSettings#defaults()}; neither the list nor its elements null
     * @return the merged, validated settings; never null
     * @throws InvalidSettingException if a source holds an unknown key (the message names it, the source and the
     *     closest setting key if one is close) or a value is invalid (the message names key, value unless
     *     secret, source and fix); {@link InvalidSettingException#key()} is the offending key
     * @throws NullPointerException if the list or an element is null, or a source answers null
     */
    public static SessionkitSettings resolve(List<SettingSource> strongestFirst) {
        List<SettingSource> sources = List.copyOf(strongestFirst);
        for (SettingSource source : sources) {
            rejectUnknownKeys(source);
        }
        SessionkitSettingsBuilder builder = SessionkitSettings.builder();
        Map<SettingKey, String> origins = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            for (SettingSource source : sources) {
                Optional<String> value = Objects.requireNonNull(source.get(key), "SettingSource.get returned null");
                if (value.isPresent() && !value.get().isBlank()) {
                    origins.put(key, source.describe());
                    try {
                        SettingParsers.apply(builder, key, value.get());
                    } catch (InvalidSettingException e) {
                        throw withOrigin(e, origins);
                    }
                    break;
                }
            }
        }
        try {
            return builder.build();
        } catch (InvalidSettingException e) {
            throw withOrigin(e, origins);
        }
    }

    private static void rejectUnknownKeys(SettingSource source) {
        Set<String> unknown = Objects.requireNonNull(source.unknownKeys(), "SettingSource.unknownKeys returned null");
        if (unknown.isEmpty()) {
            return;
        }
        String first = unknown.iterator().next();
        String listed = unknown.stream().limit(5).map(SettingsResolver::withSuggestion)
                .collect(Collectors.joining(", "))
                + (unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : "");
        throw new InvalidSettingException(first, "unknown setting " + listed + " in " + source.describe()
                + "; the README's settings table lists the valid keys");
    }

    private static String withSuggestion(String unknownKey) {
        return Texts.quote(unknownKey)
                + KeySuggestions.closest(unknownKey).map(key -> " (did you mean '" + key.key() + "'?)").orElse("");
    }

    /**
     * Adds where the offending key came from, and the sources of other keys the message names (a cross-field
     * rule), so the operator knows which file or variable to edit.
     */
    private static InvalidSettingException withOrigin(InvalidSettingException e, Map<SettingKey, String> origins) {
        String keySource = SettingKey.fromKey(e.key()).map(origins::get).orElse(null);
        StringBuilder message = new StringBuilder(e.getMessage()).append(" [").append(e.key())
                .append(keySource == null ? " not set, default used" : " set in " + keySource);
        for (Map.Entry<SettingKey, String> origin : origins.entrySet()) {
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
