package dev.portico.notification.control;

import dev.portico.billing.api.BillingContactChanged;
import dev.portico.billing.api.WorkspaceId;
import dev.portico.notification.entity.Contact;
import dev.portico.workspace.api.BillingAdminSeen;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Whom to write to per workspace: kept from billing's and workspace's events, in their transactions. */
@ApplicationScoped
@Transactional
public class Contacts {

    @PersistenceContext(unitName = "notification")
    EntityManager em;

    @Inject
    Clock clock;

    void customerChanged(@Observes BillingContactChanged change) {
        locked(change.workspace()).customer(change.email(), change.name());
    }

    void adminSeen(@Observes BillingAdminSeen seen) {
        locked(seen.workspace()).admin(seen.email());
    }

    /** The workspace's contact, unlocked; a new (unsaved) one when nothing is known yet. */
    public Contact of(WorkspaceId workspace) {
        Contact contact = em.find(Contact.class, workspace.value());
        return contact != null ? contact : new Contact(workspace.value());
    }

    public void setBillingEmails(WorkspaceId workspace, boolean wanted) {
        locked(workspace).billingEmails(wanted, clock.instant());
    }

    private Contact locked(WorkspaceId workspace) {
        Contact contact = em.find(Contact.class, workspace.value(), LockModeType.PESSIMISTIC_WRITE);
        if (contact == null) {
            contact = new Contact(workspace.value());
            em.persist(contact);
        }
        return contact;
    }
}
