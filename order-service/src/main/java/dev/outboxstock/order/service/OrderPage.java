package dev.outboxstock.order.service;

import dev.outboxstock.order.domain.CustomerOrder;
import java.util.List;

/** One page of orders and how many there are in all. */
public record OrderPage(List<CustomerOrder> orders, long total) {}
