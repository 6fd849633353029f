package dev.sessionkit.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Fuzzes the RFC 8941 reader behind the client hints ({@link StructuredFields}, package-private, hence this
 * package rather than {@code dev.sessionkit.fuzz}): any header value gives an answer or empty, never an exception;
 * strings read are printable ASCII as RFC 8941 allows; and what was read, written back as a structured field,
 * reads back the same (the serialiser here follows RFC 8941 section 4.1.6).
 *
 * <p>Regression inputs: {@code src/test/resources/dev/sessionkit/device/StructuredFieldsFuzzTestInputs/read/},
 * each one header value.
 */
class StructuredFieldsFuzzTest {

    @FuzzTest
    void read(FuzzedDataProvider data) {
        String header = data.consumeRemainingAsString();
        Optional<String> string = StructuredFields.string(header);
        Optional<Boolean> bool = StructuredFields.bool(header);
        Optional<List<StructuredFields.StringMember>> list = StructuredFields.stringList(header);

        assertFalse(string.isPresent() && bool.isPresent(), "one item is a string or a boolean, not both");
        if (string.isPresent()) {
            String s = string.get();
            assertPrintableAscii(s);
            assertEquals(string, StructuredFields.string(serialize(s)), "string -> field -> same string");
            assertTrue(list.isPresent() && list.get().size() == 1 && list.get().get(0).value().equals(s),
                    "a string item is also a one-member list: " + list);
        }
        if (bool.isPresent()) {
            assertEquals(Optional.of(List.of()), list, "a boolean item is a list without string members");
        }
        if (list.isPresent()) {
            for (StructuredFields.StringMember member : list.get()) {
                assertPrintableAscii(member.value());
                if (member.version() != null) {
                    assertPrintableAscii(member.version());
                }
            }
            String written = list.get().stream()
                    .map(m -> serialize(m.value()) + (m.version() == null ? "" : ";v=" + serialize(m.version())))
                    .collect(Collectors.joining(", "));
            assertEquals(list, StructuredFields.stringList(written), "list -> field -> same list: " + written);
        }
    }

    /** RFC 8941 sf-string: DQUOTE, with backslash before DQUOTE and backslash, DQUOTE. */
    private static String serialize(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void assertPrintableAscii(String s) {
        assertTrue(s.chars().allMatch(c -> c >= 0x20 && c <= 0x7e), "not printable ASCII: " + s.chars()
                .mapToObj(c -> String.format("%04x", c)).collect(Collectors.joining(" ")));
    }
}
