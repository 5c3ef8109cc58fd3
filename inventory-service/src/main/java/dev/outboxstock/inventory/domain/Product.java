package dev.outboxstock.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A product's stock: units available, and a version that counts every change. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    private String id;

    @Column(nullable = false)
    private int available;

    @Column(nullable = false)
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Product() {}

    public String id() {
        return id;
    }

    public int available() {
        return available;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
