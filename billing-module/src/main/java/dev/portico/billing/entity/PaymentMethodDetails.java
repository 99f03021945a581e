package dev.portico.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * What the billing page says of a payment method: its type and, for a card, brand, last four
 * digits and expiry. Carried by {@code payment_method.attached}, or fetched once when an event
 * names only the id. Payment methods never change these, so a row is never updated.
 */
@Entity
@Table(name = "billing_payment_method")
public class PaymentMethodDetails {

    @Id
    @Column(name = "payment_method_id")
    private String id;

    @Column(name = "method_type", length = 32, nullable = false)
    private String type;

    @Column(name = "brand", length = 32)
    private String brand;

    @Column(name = "last4", length = 4)
    private String last4;

    @Column(name = "exp_month")
    private Integer expMonth;

    @Column(name = "exp_year")
    private Integer expYear;

    @Column(name = "fetched_at", nullable = false)
    private Instant fetchedAt;

    protected PaymentMethodDetails() {
        // for JPA
    }

    public PaymentMethodDetails(String id, String type, String brand, String last4, Integer expMonth, Integer expYear,
                                Instant fetchedAt) {
        this.id = Objects.requireNonNull(id, "Payment method id is required.");
        this.type = Objects.requireNonNull(type, "Payment method type is required.");
        this.brand = brand;
        this.last4 = last4 == null || last4.matches("\\d{4}") ? last4 : null;
        this.expMonth = expMonth != null && expMonth >= 1 && expMonth <= 12 ? expMonth : null;
        this.expYear = expYear;
        this.fetchedAt = Objects.requireNonNull(fetchedAt);
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public Optional<String> brand() {
        return Optional.ofNullable(brand);
    }

    public Optional<String> last4() {
        return Optional.ofNullable(last4);
    }

    public Optional<Integer> expMonth() {
        return Optional.ofNullable(expMonth);
    }

    public Optional<Integer> expYear() {
        return Optional.ofNullable(expYear);
    }

    /** The first moment the card no longer works (cards are valid through their expiry month), when known. */
    public Optional<Instant> expiresAt() {
        if (expMonth == null || expYear == null) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(expYear, expMonth, 1).plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
