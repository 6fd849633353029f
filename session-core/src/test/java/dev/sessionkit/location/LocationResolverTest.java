package dev.sessionkit.location;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LocationResolverTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"8.8.8.8", "193.99.144.80", "2001:4860:4860::8888", "127.0.0.1", "garbage", "example.invalid"})
    void noneWhenAnyInputThenEmpty(String input) {
        assertEquals(Optional.empty(), LocationResolver.none().resolve(input));
    }

    @Test
    void noneWhenCalledTwiceThenSameStatelessInstance() {
        assertSame(LocationResolver.none(), LocationResolver.none());
        assertSame(NoLocationResolver.INSTANCE, LocationResolver.none());
    }

    @Test
    void noneWhenClosedThenStillUsable() {
        LocationResolver none = LocationResolver.none();

        none.close();

        assertEquals(Optional.empty(), none.resolve("8.8.8.8"));
    }

    @Test
    void closeWhenNotOverriddenThenDoesNothing() {
        LocationResolver fixed = ip -> Optional.of(new Location(Optional.empty(), "DE", "Germany"));

        assertDoesNotThrow(fixed::close);
        assertEquals("Germany", fixed.resolve("193.99.144.80").orElseThrow().display());
    }
}
