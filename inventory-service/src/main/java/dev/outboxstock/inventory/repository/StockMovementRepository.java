package dev.outboxstock.inventory.repository;

import dev.outboxstock.inventory.domain.StockMovement;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StockMovementRepository implements PanacheRepositoryBase<StockMovement, Long> {}
