package dev.outboxstock.order.rest;

import java.util.List;

/** A page of {@code GET /orders}: the orders, where the page is, and how many orders match in all. */
public record OrderPageResponse(List<OrderResponse> items, int page, int size, long total) {}
