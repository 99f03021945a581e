package dev.portico.billing.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.stripe.model.PaymentMethod;
import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.entity.PaymentMethodDetails;
import dev.portico.billing.entity.ProductName;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The names the billing page shows for Stripe ids: a product's name, a payment method's card.
 * Kept in the database (shared by every node) once an event carried them or Stripe was asked,
 * and in memory once read: neither ever changes for an id, except a product's name, which is
 * read again from the database once evicted. Memory holds at most
 * {@code portico.details.cache-max-entries} of each kind, each for {@code portico.details.cache-idle}
 * since last read. A Stripe failure leaves the name unknown for now (the page shows less), never
 * fails the page.
 */
@ApplicationScoped
public class StripeDetails {

    private static final Logger LOG = Logger.getLogger(StripeDetails.class.getName());

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Inject
    StripeGateway stripe;

    @Inject
    StripeDetails self;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portico.details.cache-max-entries")
    long maxEntries;

    @Inject
    @ConfigProperty(name = "portico.details.cache-idle")
    Duration idle;

    /** After Stripe failed to say, how long the page goes without asking again for that id. */
    private static final Duration QUIET = Duration.ofMinutes(1);

    private Cache<String, String> productNames;
    /** Ids Stripe failed to describe lately: a page load does not wait for Stripe again at once. */
    private Cache<String, Boolean> failed;
    private Cache<String, PaymentMethodDetails> paymentMethods;

    @PostConstruct
    void build() {
        if (maxEntries < 1 || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("portico.details.cache-max-entries must be at least 1"
                    + " and portico.details.cache-idle positive.");
        }
        productNames = bounded().expireAfterAccess(idle).build();
        paymentMethods = bounded().expireAfterAccess(idle).build();
        failed = bounded().expireAfterWrite(QUIET).build();
    }

    /** At most {@code maxEntries}, evicted on the caller's thread (no pool of the container's). */
    private Caffeine<Object, Object> bounded() {
        return Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run);
    }

    /** The product's name; empty when Stripe has none or cannot say now. */
    public Optional<String> productName(String productId) {
        String known = productNames.getIfPresent(productId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> name = self.storedProduct(productId).map(ProductName::name).orElseGet(() -> fetchProduct(productId));
        name.ifPresent(found -> productNames.put(productId, found));
        return name;
    }

    /** The payment method's details; empty when Stripe cannot say now. */
    public Optional<PaymentMethodDetails> paymentMethod(String paymentMethodId) {
        PaymentMethodDetails known = paymentMethods.getIfPresent(paymentMethodId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<PaymentMethodDetails> found = self.storedPaymentMethod(paymentMethodId).or(() -> fetchPaymentMethod(paymentMethodId));
        found.ifPresent(details -> paymentMethods.put(paymentMethodId, details));
        return found;
    }

    /** Keeps what an event carried (within the caller's transaction), unless kept already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(PaymentMethod method) {
        if (method.getId() != null && em.find(PaymentMethodDetails.class, method.getId()) == null) {
            em.persist(details(method));
        }
    }

    @Transactional
    public Optional<ProductName> storedProduct(String productId) {
        return Optional.ofNullable(em.find(ProductName.class, productId));
    }

    @Transactional
    public Optional<PaymentMethodDetails> storedPaymentMethod(String paymentMethodId) {
        return Optional.ofNullable(em.find(PaymentMethodDetails.class, paymentMethodId));
    }

    /** Stores what was fetched in a transaction of its own; another node storing it first is as good. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void store(Object details) {
        em.persist(details);
    }

    private Optional<String> fetchProduct(String productId) {
        if (failedRecently(productId)) {
            return Optional.empty();
        }
        try {
            String name = stripe.retrieveProduct(productId).getName();
            storeQuietly(new ProductName(productId, name, clock.instant()));
            return Optional.ofNullable(name);
        } catch (BillingFailure unavailable) {
            failed.put(productId, Boolean.TRUE);
            return Optional.empty();
        }
    }

    private Optional<PaymentMethodDetails> fetchPaymentMethod(String paymentMethodId) {
        if (failedRecently(paymentMethodId)) {
            return Optional.empty();
        }
        try {
            PaymentMethodDetails details = details(stripe.retrievePaymentMethod(paymentMethodId));
            storeQuietly(details);
            return Optional.of(details);
        } catch (BillingFailure unavailable) {
            failed.put(paymentMethodId, Boolean.TRUE);
            return Optional.empty();
        }
    }

    private boolean failedRecently(String id) {
        return failed.getIfPresent(id) != null;
    }

    private void storeQuietly(Object details) {
        try {
            self.store(details);
        } catch (RuntimeException raced) {
            LOG.fine(() -> "Details stored by another request meanwhile: " + raced);
        }
    }

    private PaymentMethodDetails details(PaymentMethod method) {
        PaymentMethod.Card card = method.getCard();
        return new PaymentMethodDetails(method.getId(), method.getType() == null ? "unknown" : method.getType(),
                card == null ? null : card.getBrand(), card == null ? null : card.getLast4(),
                card == null || card.getExpMonth() == null ? null : card.getExpMonth().intValue(),
                card == null || card.getExpYear() == null ? null : card.getExpYear().intValue(), clock.instant());
    }
}
