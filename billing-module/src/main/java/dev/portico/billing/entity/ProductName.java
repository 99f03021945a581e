package dev.portico.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A Stripe product's name, fetched once and kept for the billing page. */
@Entity
@Table(name = "billing_product")
public class ProductName {

    @Id
    @Column(name = "product_id")
    private String productId;

    @Column(name = "name", length = 512)
    private String name;

    @Column(name = "fetched_at", nullable = false)
    private Instant fetchedAt;

    protected ProductName() {
        // for JPA
    }

    public ProductName(String productId, String name, Instant fetchedAt) {
        this.productId = Objects.requireNonNull(productId, "Product id is required.");
        this.name = name == null || name.length() <= 512 ? name : name.substring(0, 512);
        this.fetchedAt = Objects.requireNonNull(fetchedAt);
    }

    public String productId() {
        return productId;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }
}
