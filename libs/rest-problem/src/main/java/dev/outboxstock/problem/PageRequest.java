package dev.outboxstock.problem;

import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The {@code page} and {@code size} query parameters of a listing read a page at a time, checked the same way by every
 * service: take it as a {@code @BeanParam}, {@code @Valid} and with {@link PageSizeAtMost} for the listing's largest
 * page. Listings differ in their default size, so the resource names it when it reads the size.
 */
public class PageRequest {

    @RestQuery
    @DefaultValue("0")
    @Min(value = 0, message = "page must not be negative")
    int page;

    @RestQuery
    @Min(value = 1, message = "size must be at least {value}")
    Integer size;

    /** The page, counted from 0. */
    public int page() {
        return page;
    }

    /** The asked size, or the listing's default when the request names none. */
    public int sizeOr(int defaultSize) {
        return size == null ? defaultSize : size;
    }

    /** The asked size, if the request names one. */
    Integer size() {
        return size;
    }
}
