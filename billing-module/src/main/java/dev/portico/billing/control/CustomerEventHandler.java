package dev.portico.billing.control;

import com.stripe.model.Customer;
import com.stripe.model.PaymentMethod;
import dev.portico.billing.api.BillingContactChanged;
import dev.portico.billing.api.BillingEvent;
import dev.portico.billing.api.PaymentMethodUpdated;
import dev.portico.billing.entity.BillingAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code customer.updated} (contact details, default payment method) and
 * {@code payment_method.attached} (a new payment method): the billing contact and payment method.
 */
@ApplicationScoped
class CustomerEventHandler implements EventHandler {

    @Inject
    AccountLocator locator;

    @Inject
    StripeDetails details;

    @Inject
    Clock clock;

    @Override
    public Set<String> types() {
        return Set.of("customer.updated", "payment_method.attached");
    }

    @Override
    public Applied apply(TypedEvent event) {
        return event.object() instanceof Customer customer ? customer(event, customer)
                : paymentMethod(event, (PaymentMethod) event.object());
    }

    private Applied customer(TypedEvent event, Customer customer) {
        Optional<BillingAccount> found = locator.byCustomerOrMetadata(customer.getId(), customer.getMetadata());
        if (found.isEmpty()) {
            return Applied.unmatched("No workspace has customer " + customer.getId() + " yet.");
        }
        BillingAccount account = found.get();
        List<BillingEvent> events = new ArrayList<>();
        if (account.contact(customer.getEmail(), customer.getName(), event.created(), clock.instant())) {
            events.add(new BillingContactChanged(event.eventId(), account.workspace(), customer.getEmail(),
                    customer.getName()));
        }
        String defaultMethod = customer.getInvoiceSettings() == null ? null
                : customer.getInvoiceSettings().getDefaultPaymentMethod();
        if (account.paymentMethod(defaultMethod, clock.instant())) {
            events.add(new PaymentMethodUpdated(event.eventId(), account.workspace(), defaultMethod));
        }
        return events.isEmpty() ? Applied.ignored(account.workspace(), "Nothing new about the customer.")
                : Applied.applied(account.workspace(), events);
    }

    private Applied paymentMethod(TypedEvent event, PaymentMethod method) {
        Optional<BillingAccount> found = method.getCustomer() == null ? Optional.empty() : locator.byCustomer(method.getCustomer());
        if (found.isEmpty()) {
            return Applied.unmatched("No workspace has customer " + method.getCustomer() + " yet.");
        }
        BillingAccount account = found.get();
        details.keep(method);
        if (!account.paymentMethod(method.getId(), clock.instant())) {
            return Applied.ignored(account.workspace(), "Payment method already known.");
        }
        return Applied.applied(account.workspace(),
                List.of(new PaymentMethodUpdated(event.eventId(), account.workspace(), method.getId())));
    }
}
