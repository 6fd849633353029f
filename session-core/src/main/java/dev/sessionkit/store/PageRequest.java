package dev.sessionkit.store;

/**
 * One page of a listing.
 *
 * @param page zero-based page number, 0 to {@value #MAX_PAGE}
 * @param size items per page, 1 to {@value #MAX_SIZE}
 */
public record PageRequest(int page, int size) {

    /** Largest page size served, so one request can never pull the whole table. */
    public static final int MAX_SIZE = 200;
    /** Largest page number accepted; deep offsets are slow and never what a person wants. */
    public static final int MAX_PAGE = 100_000;

    /**
     * Validates the bounds.
     *
     * @param page see the record description
     * @param size see the record description
     * @throws IllegalArgumentException when page or size is out of range
     */
    public PageRequest {
        if (page < 0 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page must be 0 to " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE);
        }
    }

    /**
     * Returns the first page of a size.
     *
     * @param size items per page
     * @return page 0
     */
    public static PageRequest first(int size) {
        return new PageRequest(0, size);
    }

    /**
     * Returns the offset of the first item of this page.
     *
     * @return page × size
     */
    public int offset() {
        return page * size;
    }
}
