package dev.portico.billing.boundary;

import dev.portico.billing.api.BillingStatus;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.billing.control.BillingAccountRepository;
import dev.portico.billing.entity.BillingAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Answers what billing knows of a workspace's subscription. */
@ApplicationScoped
public class BillingStatuses {

    @Inject
    BillingAccountRepository accounts;

    public BillingStatus of(WorkspaceId workspace) {
        return accounts.find(workspace).map(BillingAccount::status).orElseGet(() -> BillingStatus.none(workspace));
    }
}
