package dev.outboxstock.inventory.service;

import dev.outboxstock.contract.StockDecreaseRequested;
import dev.outboxstock.inventory.domain.Product;
import dev.outboxstock.inventory.repository.ProcessedEventRepository;
import dev.outboxstock.inventory.repository.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** Applies stock events exactly once in effect and never lets stock go below zero. */
@ApplicationScoped
public class StockService {

    private final ProductRepository products;
    private final ProcessedEventRepository processedEvents;

    public StockService(ProductRepository products, ProcessedEventRepository processedEvents) {
        this.products = products;
        this.processedEvents = processedEvents;
    }

    /** The event id and the stock change commit together: a redelivered event is a no-op. */
    @Transactional
    public StockOutcome decrease(UUID eventId, StockDecreaseRequested request) {
        if (!processedEvents.recordFirstDelivery(eventId, StockDecreaseRequested.TYPE)) {
            return StockOutcome.DUPLICATE;
        }
        return products.decreaseIfAvailable(request.productId(), request.quantity())
                ? StockOutcome.APPLIED
                : StockOutcome.REJECTED;
    }

    @Transactional
    public Product setAvailable(String productId, int available) {
        products.setAvailable(productId, available);
        return products.findById(productId);
    }

    @Transactional
    public Optional<Product> findProduct(String productId) {
        return products.findByIdOptional(productId);
    }
}
