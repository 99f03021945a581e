package dev.portico.web.workspace;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The example's data: a few notes per workspace, in memory (lost on restart, on purpose: it only
 * shows what {@code @Guarded} does to a host app's own resource). The newest {@value #KEPT} are kept.
 */
@ApplicationScoped
public class ExampleNotes {

    static final int KEPT = 100;

    public record Note(long id, String text, Instant createdAt) {
    }

    private final Map<String, Deque<Note>> byWorkspace = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public List<Note> of(String workspace) {
        Deque<Note> notes = byWorkspace.get(workspace);
        if (notes == null) {
            return List.of();
        }
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    public Note add(String workspace, String text, Instant now) {
        Note note = new Note(ids.incrementAndGet(), text, now);
        Deque<Note> notes = byWorkspace.computeIfAbsent(workspace, id -> new ArrayDeque<>());
        synchronized (notes) {
            notes.addLast(note);
            if (notes.size() > KEPT) {
                notes.removeFirst();
            }
        }
        return note;
    }
}
