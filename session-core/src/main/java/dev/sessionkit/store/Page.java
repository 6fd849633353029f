package dev.sessionkit.store;

import java.util.List;
import java.util.Objects;

/**
 * One page of results and the total they come from.
 *
 * @param items the items on this page, in listing order
 * @param request the page that was asked for
 * @param total how many items all pages hold together
 * @param <T> the item type
 */
public record Page<T>(List<T> items, PageRequest request, long total) {

    /**
     * Copies the items.
     *
     * @param items see the record description
     * @param request see the record description
     * @param total see the record description
     */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(request, "request");
    }

    /**
     * Tells whether a page follows this one.
     *
     * @return true when items remain after this page
     */
    public boolean hasNext() {
        return (long) request.offset() + items.size() < total;
    }
}
