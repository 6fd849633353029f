package dev.sessionkit.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestKindTest {

    @ParameterizedTest(name = "{0} Accept: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "GET    | text/html,application/xhtml+xml,*/*;q=0.8 | BROWSER",
            "GET    | application/json                          | API",
            "GET    | application/problem+json                  | API",
            "GET    |                                           | BROWSER",
            "HEAD   | */*                                       | BROWSER",
            "POST   | text/html                                 | API",
            "DELETE | text/html                                 | API",
    })
    void jsonOrStateChangingIsAnApiCall(String method, String accept, RequestKind expected) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getHeader("Accept")).thenReturn(accept);
        assertEquals(expected, RequestKind.of(request));
    }

    @Test
    void problemTextIsValidJsonForAnyDetail() {
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Bad \\\"Request\\\"\",\"status\":400,"
                + "\"detail\":\"a\\\"b\\\\c\\n\\u0001\"}", Problems.json(400, "Bad \"Request\"", "a\"b\\c\n\u0001"));
    }
}
