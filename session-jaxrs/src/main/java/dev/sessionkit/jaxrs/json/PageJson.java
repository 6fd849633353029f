package dev.sessionkit.jaxrs.json;

import dev.sessionkit.store.Page;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing.
 *
 * @param items the items on this page
 * @param page the zero-based page number
 * @param size the page size asked for
 * @param total how many items all pages hold
 * @param hasNext whether another page follows
 * @param <T> the item shape
 */
public record PageJson<T>(List<T> items, int page, int size, long total, boolean hasNext) {

    /**
     * Shapes a page for the API.
     *
     * @param page the page
     * @param mapper shapes each item
     * @param <S> the stored item type
     * @param <T> the JSON item shape
     * @return the JSON shape
     */
    public static <S, T> PageJson<T> of(Page<S> page, Function<S, T> mapper) {
        return new PageJson<>(page.items().stream().map(mapper).toList(), page.request().page(),
                page.request().size(), page.total(), page.hasNext());
    }
}
