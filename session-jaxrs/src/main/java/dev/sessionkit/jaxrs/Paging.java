package dev.sessionkit.jaxrs;

import dev.sessionkit.session.SessionId;
import dev.sessionkit.store.PageRequest;

/** Parses query and path parameters strictly: anything malformed is a 400 with a detail saying what is expected. */
final class Paging {

    static final int DEFAULT_SIZE = 20;

    private Paging() {
    }

    static PageRequest parse(String page, String size) {
        int pageNumber = number("page", page, 0, 0, PageRequest.MAX_PAGE);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, PageRequest.MAX_SIZE);
        return new PageRequest(pageNumber, pageSize);
    }

    static SessionId sessionId(String text) {
        return SessionId.parse(text).orElseThrow(() -> ProblemException.badRequest(
                "A session id is 22 characters of letters, digits, '-' and '_'."));
    }

    private static int number(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        if (text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProblemException.badRequest(name + " must be a whole number from " + min + " to " + max + ".");
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw ProblemException.badRequest(name + " must be a whole number from " + min + " to " + max + ".");
        }
        return value;
    }
}
