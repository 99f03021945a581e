package dev.portico.billing.control;

import com.stripe.model.PaymentMethod;
import dev.portico.billing.api.BillingFailure;
import dev.portico.billing.entity.PaymentMethodDetails;
import dev.portico.billing.entity.ProductName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/**
 * The names the billing page shows for Stripe ids: a product's name, a payment method's card.
 * Kept in the database (shared by every node) once an event carried them or Stripe was asked,
 * and in memory once read: neither ever changes for an id, except a product's name, which is
 * read again after a restart. A Stripe failure leaves the name unknown for now (the page shows
 * less), never fails the page.
 */
@ApplicationScoped
public class StripeDetails {

    private static final Logger LOG = Logger.getLogger(StripeDetails.class.getName());
    /** Ids remembered in memory, at most; beyond, the database answers. */
    private static final int REMEMBERED = 10_000;

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Inject
    StripeGateway stripe;

    @Inject
    StripeDetails self;

    @Inject
    Clock clock;

    /** After Stripe failed to say, how long the page goes without asking again for that id. */
    private static final long QUIET_NANOS = 60_000_000_000L;

    private final ConcurrentMap<String, Optional<String>> productNames = new ConcurrentHashMap<>();
    /** Ids Stripe failed to describe, and when (monotonic): a page load does not wait for Stripe again at once. */
    private final ConcurrentMap<String, Long> failedAt = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, PaymentMethodDetails> paymentMethods = new ConcurrentHashMap<>();

    /** The product's name; empty when Stripe has none or cannot say now. */
    public Optional<String> productName(String productId) {
        Optional<String> known = productNames.get(productId);
        if (known != null) {
            return known;
        }
        Optional<String> name = self.storedProduct(productId).map(ProductName::name).orElseGet(() -> fetchProduct(productId));
        if (name.isPresent()) {
            remember(productNames, productId, name);
        }
        return name;
    }

    /** The payment method's details; empty when Stripe cannot say now. */
    public Optional<PaymentMethodDetails> paymentMethod(String paymentMethodId) {
        PaymentMethodDetails known = paymentMethods.get(paymentMethodId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<PaymentMethodDetails> found = self.storedPaymentMethod(paymentMethodId).or(() -> fetchPaymentMethod(paymentMethodId));
        found.ifPresent(details -> remember(paymentMethods, paymentMethodId, details));
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
            remember(failedAt, productId, System.nanoTime());
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
            remember(failedAt, paymentMethodId, System.nanoTime());
            return Optional.empty();
        }
    }

    private boolean failedRecently(String id) {
        Long failed = failedAt.get(id);
        return failed != null && System.nanoTime() - failed < QUIET_NANOS;
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

    private static <V> void remember(ConcurrentMap<String, V> map, String key, V value) {
        if (map.size() >= REMEMBERED) {
            map.clear(); // rare and cheap: the database answers until they are read again
        }
        map.put(key, value);
    }
}
