package com.example.projects.control;

import com.example.projects.entity.Archival;
import com.example.projects.entity.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The product's projects, in its own tables ({@code projects_*}) of Portico's database. */
@ApplicationScoped
@Transactional
public class ProjectStore {

    @PersistenceContext(unitName = "projects")
    EntityManager em;

    public List<Project> of(String workspace) {
        return em.createQuery("SELECT p FROM Project p WHERE p.workspaceId = :workspace ORDER BY p.createdAt, p.id",
                Project.class).setParameter("workspace", workspace).getResultList();
    }

    public Project create(String workspace, String name, Instant now) {
        Project project = new Project(UUID.randomUUID().toString(), workspace, name, now);
        em.persist(project);
        return project;
    }

    public List<Archival> archivalsOf(String workspace) {
        return em.createQuery("SELECT a FROM Archival a WHERE a.workspaceId = :workspace ORDER BY a.archivedAt",
                Archival.class).setParameter("workspace", workspace).getResultList();
    }

    /**
     * Archives the workspace's open projects for the Stripe event that ended its subscription, once:
     * the archival row, keyed by that event, is the idempotency record. Joins the transaction Portico
     * delivers the event in, so the row and the delivery's completion commit together.
     */
    public void archiveAll(String workspace, String stripeEventId, Instant at) {
        if (em.find(Archival.class, stripeEventId) != null) {
            return;
        }
        List<Project> open = em.createQuery("SELECT p FROM Project p WHERE p.workspaceId = :workspace"
                + " AND p.archivedAt IS NULL", Project.class).setParameter("workspace", workspace).getResultList();
        open.forEach(project -> project.archive(stripeEventId, at));
        em.persist(new Archival(stripeEventId, workspace, open.size(), at));
    }
}
