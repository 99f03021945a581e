package dev.portico.web.workspace;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The example's data: a few notes per workspace, in memory (lost on restart, on purpose: it only
 * shows what {@code @Guarded} does to a host app's own resource). The newest {@value #KEPT} are kept,
 * for as many workspaces as the enforcement caches hold ({@code portico.enforcement.cache-max-workspaces},
 * idle ones forgotten after {@code portico.enforcement.cache-idle}): an example, not a store.
 */
@ApplicationScoped
public class ExampleNotes {

    static final int KEPT = 100;

    public record Note(long id, String text, Instant createdAt) {
    }

    @Inject
    @ConfigProperty(name = "portico.enforcement.cache-max-workspaces")
    long maxWorkspaces;

    @Inject
    @ConfigProperty(name = "portico.enforcement.cache-idle")
    Duration idle;

    private Cache<String, Deque<Note>> byWorkspace;
    private final AtomicLong ids = new AtomicLong();

    @PostConstruct
    void build() {
        byWorkspace = Caffeine.newBuilder().maximumSize(maxWorkspaces).expireAfterAccess(idle).executor(Runnable::run).build();
    }

    public List<Note> of(String workspace) {
        Deque<Note> notes = byWorkspace.getIfPresent(workspace);
        if (notes == null) {
            return List.of();
        }
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    public Note add(String workspace, String text, Instant now) {
        Note note = new Note(ids.incrementAndGet(), text, now);
        Deque<Note> notes = byWorkspace.get(workspace, id -> new ArrayDeque<>());
        synchronized (notes) {
            notes.addLast(note);
            if (notes.size() > KEPT) {
                notes.removeFirst();
            }
        }
        return note;
    }
}
