package dev.portico.billing.entity;

import dev.portico.billing.api.BillingStatus;
import dev.portico.billing.api.PlanPrice;
import dev.portico.billing.api.WorkspaceId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A workspace's side of billing: its Stripe customer and what Stripe last told us of its subscription. */
@Entity
@Table(name = "billing_account")
// Named so that it is prepared once: a query built per webhook was re-prepared per webhook.
@NamedQuery(name = BillingAccount.BY_CUSTOMER_LOCKED, lockMode = LockModeType.PESSIMISTIC_WRITE,
        query = "SELECT a FROM BillingAccount a WHERE a.stripeCustomerId = :customer")
public class BillingAccount {

    /** The account of a Stripe customer ({@code :customer}), row-locked until the transaction ends. */
    public static final String BY_CUSTOMER_LOCKED = "BillingAccount.byCustomerLocked";

    @Id
    @Column(name = "workspace_id", length = 64)
    private String workspaceId;

    @Column(name = "stripe_customer_id", unique = true)
    private String stripeCustomerId;

    @Column(name = "customer_email", length = 512)
    private String customerEmail;

    @Column(name = "customer_name", length = 512)
    private String customerName;

    @Column(name = "customer_as_of")
    private Instant customerAsOf;

    @Column(name = "default_payment_method")
    private String defaultPaymentMethod;

    @Column(name = "subscription_id")
    private String subscriptionId;

    @Column(name = "subscription_status", length = 32)
    private String subscriptionStatus;

    @Column(name = "subscription_created_at")
    private Instant subscriptionCreatedAt;

    @Column(name = "subscription_as_of")
    private Instant subscriptionAsOf;

    @Column(name = "price_id")
    private String priceId;

    @Column(name = "product_id")
    private String productId;

    @Column(name = "current_period_end")
    private Instant currentPeriodEnd;

    @Column(name = "trial_end")
    private Instant trialEnd;

    @Column(name = "cancel_at_period_end", nullable = false)
    private boolean cancelAtPeriodEnd;

    @Column(name = "cancel_at")
    private Instant cancelAt;

    @Column(name = "canceled_at")
    private Instant canceledAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "cancellation_reason", length = 64)
    private String cancellationReason;

    @Column(name = "cancellation_feedback", length = 64)
    private String cancellationFeedback;

    @Column(name = "cancellation_comment", length = 1000)
    private String cancellationComment;

    @Column(name = "failing_invoice_id")
    private String failingInvoiceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "reconciled_at")
    private Instant reconciledAt;

    @Column(name = "price_amount")
    private Long priceAmount;

    @Column(name = "price_currency", length = 8)
    private String priceCurrency;

    @Column(name = "price_interval", length = 16)
    private String priceInterval;

    @Column(name = "price_interval_count")
    private Long priceIntervalCount;

    @Column(name = "price_nickname")
    private String priceNickname;

    @Column(name = "price_lookup_key")
    private String priceLookupKey;

    @Column(name = "quantity")
    private Long quantity;

    @Column(name = "subscription_payment_method")
    private String subscriptionPaymentMethod;

    @Column(name = "subscription_item_id")
    private String subscriptionItemId;

    @Column(name = "pending_price_id")
    private String pendingPriceId;

    @Column(name = "pending_at")
    private Instant pendingAt;

    @Column(name = "schedule_as_of")
    private Instant scheduleAsOf;

    protected BillingAccount() {
        // for JPA
    }

    public BillingAccount(WorkspaceId workspace, Instant now) {
        this.workspaceId = Objects.requireNonNull(workspace, "Workspace is required.").value();
        this.createdAt = Objects.requireNonNull(now);
        this.updatedAt = now;
    }

    public WorkspaceId workspace() {
        return new WorkspaceId(workspaceId);
    }

    public Optional<StripeCustomerId> customer() {
        return Optional.ofNullable(stripeCustomerId).map(StripeCustomerId::new);
    }

    public Optional<String> subscriptionId() {
        return Optional.ofNullable(subscriptionId);
    }

    /** Links the workspace to its Stripe customer; a workspace never changes customer. */
    public void linkCustomer(StripeCustomerId customer, Instant now) {
        Objects.requireNonNull(customer, "Customer is required.");
        if (stripeCustomerId != null && !stripeCustomerId.equals(customer.value())) {
            throw new IllegalStateException("Workspace " + workspaceId + " already has a Stripe customer.");
        }
        this.stripeCustomerId = customer.value();
        this.updatedAt = now;
    }

    public BillingStatus status() {
        if (subscriptionStatus == null) {
            return BillingStatus.none(workspace());
        }
        return new BillingStatus(workspace(), subscriptionStatus, priceId, currentPeriodEnd, cancelAtPeriodEnd);
    }

    public AccountState state() {
        PlanPrice plan = priceId == null ? null : new PlanPrice(priceId, productId, priceAmount, priceCurrency,
                priceInterval, priceIntervalCount, quantity);
        return new AccountState(subscriptionId, subscriptionStatus, priceId, currentPeriodEnd, cancelAtPeriodEnd, cancelAt,
                endedAt, cancellationReason, cancellationFeedback, defaultPaymentMethod, customerEmail, customerName,
                cancellationComment, plan, subscriptionCreatedAt);
    }

    /** Whether a snapshot was taken over, ignored as older than what we hold, or needs a tie-break. */
    public enum SnapshotOutcome { APPLIED, STALE, TIE }

    /**
     * Takes over a subscription snapshot that Stripe sent at {@code asOf} unless what we hold is
     * newer. Rules, in order: the workspace follows its most recently created subscription; for the
     * same subscription a terminal status (canceled) wins, since Stripe never leaves it; otherwise
     * the later event wins. Two different snapshots from the same second are a tie the caller must
     * settle by asking Stripe for the current state.
     */
    public SnapshotOutcome applySubscription(SubscriptionSnapshot snapshot, Instant asOf, Instant now) {
        if (subscriptionId != null && !subscriptionId.equals(snapshot.id())) {
            int order = snapshot.created().compareTo(subscriptionCreatedAt);
            if (order < 0 || (order == 0 && snapshot.id().compareTo(subscriptionId) < 0)) {
                return SnapshotOutcome.STALE;
            }
        } else if (subscriptionId != null) {
            boolean heldTerminal = SubscriptionSnapshot.isTerminal(subscriptionStatus);
            if (heldTerminal != snapshot.isTerminal()) {
                if (heldTerminal) {
                    return SnapshotOutcome.STALE;
                }
            } else if (asOf.isBefore(subscriptionAsOf)) {
                return SnapshotOutcome.STALE;
            } else if (asOf.equals(subscriptionAsOf) && !sameAs(snapshot)) {
                return SnapshotOutcome.TIE;
            }
        }
        take(snapshot, asOf, now);
        return SnapshotOutcome.APPLIED;
    }

    /** Takes over the state Stripe reported when asked directly; it is as fresh as anything we have. */
    public void takeFetched(SubscriptionSnapshot snapshot, Instant fetchedAt) {
        take(snapshot, fetchedAt, fetchedAt);
    }

    private void take(SubscriptionSnapshot s, Instant asOf, Instant now) {
        boolean sameSubscription = s.id().equals(subscriptionId);
        subscriptionId = s.id();
        subscriptionStatus = s.status();
        subscriptionCreatedAt = s.created();
        subscriptionAsOf = asOf;
        priceId = s.priceId();
        productId = s.productId();
        currentPeriodEnd = s.currentPeriodEnd();
        trialEnd = s.trialEnd();
        cancelAtPeriodEnd = s.cancelAtPeriodEnd();
        cancelAt = s.cancelAt();
        canceledAt = s.canceledAt();
        endedAt = s.endedAt();
        cancellationReason = s.cancellationReason();
        cancellationFeedback = s.cancellationFeedback();
        cancellationComment = s.cancellationComment();
        PlanSnapshot plan = s.plan();
        priceAmount = plan == null ? null : plan.unitAmount();
        priceCurrency = plan == null ? null : plan.currency();
        priceInterval = plan == null ? null : plan.interval();
        priceIntervalCount = plan == null ? null : plan.intervalCount();
        priceNickname = plan == null ? null : plan.nickname();
        priceLookupKey = plan == null ? null : plan.lookupKey();
        quantity = plan == null ? null : plan.quantity();
        subscriptionPaymentMethod = s.defaultPaymentMethod();
        subscriptionItemId = s.itemId();
        if (pendingPriceId != null && (!sameSubscription || pendingPriceId.equals(priceId) || s.isTerminal())) {
            // The scheduled change took effect (or never will): a schedule event older than this one cannot bring it back.
            pendingPriceId = null;
            pendingAt = null;
            scheduleAsOf = scheduleAsOf == null || scheduleAsOf.isBefore(asOf) ? asOf : scheduleAsOf;
        }
        updatedAt = now;
    }

    /**
     * Takes over what a subscription schedule event said is scheduled for the subscription (its
     * next phase's price and start), unless a newer schedule event was taken, or it concerns
     * another subscription. True when the pending change differs from what was held.
     */
    public boolean applySchedule(ScheduleSnapshot schedule, Instant asOf, Instant now) {
        if (subscriptionId == null || !subscriptionId.equals(schedule.subscriptionId())
                || (scheduleAsOf != null && asOf.isBefore(scheduleAsOf))) {
            return false;
        }
        scheduleAsOf = asOf;
        String price = schedule.pendingPriceId().filter(id -> !id.equals(priceId)).orElse(null);
        Instant at = price == null ? null : schedule.pendingAt().orElse(null);
        if (Objects.equals(price, pendingPriceId) && Objects.equals(at, pendingAt)) {
            return false;
        }
        pendingPriceId = price;
        pendingAt = at;
        updatedAt = now;
        return true;
    }

    /** The subscription's first item, which a plan switch replaces. */
    public Optional<String> subscriptionItemId() {
        return Optional.ofNullable(subscriptionItemId);
    }

    /** A plan change Stripe has scheduled (a downgrade at the period end): its price and when it applies. */
    public Optional<PendingChange> pendingChange() {
        return pendingPriceId == null ? Optional.empty() : Optional.of(new PendingChange(pendingPriceId, pendingAt));
    }

    /** A scheduled switch to {@code priceId} at {@code at} (null when Stripe did not say). */
    public record PendingChange(String priceId, Instant at) {
    }

    private boolean sameAs(SubscriptionSnapshot s) {
        return s.status().equals(subscriptionStatus) && s.cancelAtPeriodEnd() == cancelAtPeriodEnd
                && Objects.equals(s.currentPeriodEnd(), currentPeriodEnd) && Objects.equals(s.priceId(), priceId)
                && Objects.equals(s.cancelAt(), cancelAt) && Objects.equals(s.endedAt(), endedAt);
    }

    /** The subscription's price as last described, when an event described more than its id. */
    public Optional<PlanSnapshot> plan() {
        if (priceAmount == null && priceCurrency == null && priceNickname == null && priceLookupKey == null) {
            return Optional.empty();
        }
        return Optional.of(new PlanSnapshot(priceAmount, priceCurrency, priceInterval, priceIntervalCount, priceNickname,
                priceLookupKey, quantity));
    }

    public Optional<String> priceId() {
        return Optional.ofNullable(priceId);
    }

    public Optional<String> productId() {
        return Optional.ofNullable(productId);
    }

    public Optional<Instant> currentPeriodEnd() {
        return Optional.ofNullable(currentPeriodEnd);
    }

    public Optional<Instant> trialEnd() {
        return Optional.ofNullable(trialEnd);
    }

    public Optional<Instant> cancelAt() {
        return Optional.ofNullable(cancelAt);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    /** The payment method the subscription's invoices are charged to: its own, else the customer's default. */
    public Optional<String> chargedPaymentMethod() {
        return Optional.ofNullable(subscriptionPaymentMethod != null ? subscriptionPaymentMethod : defaultPaymentMethod);
    }

    /** When a resync last compared it with Stripe's objects; empty when none ever did. */
    public Optional<Instant> reconciledAt() {
        return Optional.ofNullable(reconciledAt);
    }

    public void reconciled(Instant now) {
        this.reconciledAt = now;
    }

    public Optional<String> failingInvoiceId() {
        return Optional.ofNullable(failingInvoiceId);
    }

    public void invoiceFailing(String invoiceId, Instant now) {
        this.failingInvoiceId = Objects.requireNonNull(invoiceId);
        this.updatedAt = now;
    }

    public void invoiceSettled(String invoiceId, Instant now) {
        if (invoiceId.equals(failingInvoiceId)) {
            this.failingInvoiceId = null;
            this.updatedAt = now;
        }
    }

    /** Records the customer's contact details as Stripe had them at {@code asOf}; true when they changed. */
    public boolean contact(String email, String name, Instant asOf, Instant now) {
        if (customerAsOf != null && asOf.isBefore(customerAsOf)) {
            return false;
        }
        customerAsOf = asOf;
        if (Objects.equals(email, customerEmail) && Objects.equals(name, customerName)) {
            return false;
        }
        this.customerEmail = email;
        this.customerName = name;
        this.updatedAt = now;
        return true;
    }

    /** Records the default payment method; true when it changed. */
    public boolean paymentMethod(String paymentMethodId, Instant now) {
        if (paymentMethodId == null || paymentMethodId.equals(defaultPaymentMethod)) {
            return false;
        }
        this.defaultPaymentMethod = paymentMethodId;
        this.updatedAt = now;
        return true;
    }
}
