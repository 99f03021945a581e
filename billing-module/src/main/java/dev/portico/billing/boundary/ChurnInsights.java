package dev.portico.billing.boundary;

import dev.portico.billing.entity.ChurnRecord;
import dev.portico.billing.entity.ChurnRecord.Facts;
import dev.portico.billing.entity.ChurnRecord.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What cancellations tell the business, month by month (UTC), by Stripe's feedback reason and by
 * plan. Definitions: a <em>cancellation</em> is a subscription that ended; <em>scheduled</em>,
 * a cancellation set for the period's end; a <em>reactivation</em>, a scheduled cancellation
 * undone; the <em>monthly amount lost</em>, the monthly equivalent of the ended subscriptions'
 * prices, per currency; the <em>median age</em>, of the ended subscriptions, in days. Each fact
 * counts in the month its Stripe event happened.
 */
@ApplicationScoped
public class ChurnInsights {

    /** The longest period one report covers. */
    public static final int MAX_MONTHS = 36;
    private static final String NONE = "none";

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Inject
    Clock clock;

    public record Query(Optional<YearMonth> from, Optional<YearMonth> to, Optional<String> plan, int commentsOffset,
                        int commentsLimit) {
    }

    /** Counts and amounts of a set of facts (amounts in minor units, by lower-case currency). */
    public record Figures(int cancellations, int scheduled, int reactivations, Map<String, Long> monthlyAmountLost,
                          Double medianAgeDays) {
    }

    public record Month(YearMonth month, Figures figures, Map<String, Integer> cancellationsByReason) {
    }

    /** The figures of one reason ({@code none} when Stripe has no feedback) or one plan (a price id, or {@code unknown}). */
    public record Group(String key, Figures figures) {
    }

    public record Comment(String subscriptionId, String workspaceId, Instant at, String plan, String feedback,
                          String comment) {
    }

    public record Report(YearMonth from, YearMonth to, Optional<String> plan, List<String> plans, List<Month> months,
                         List<Group> byReason, List<Group> byPlan, Figures total, List<Comment> comments,
                         boolean moreComments) {
    }

    /** The current month and the eleven before it, unless the query says otherwise. */
    public Report churn(Query query) {
        YearMonth to = query.to().orElseGet(() -> YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)));
        YearMonth from = query.from().orElse(to.minusMonths(11));
        if (from.isAfter(to) || from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw new IllegalArgumentException("from must not be after to, and the period at most " + MAX_MONTHS + " months.");
        }
        List<Facts> all = facts(from, to);
        List<String> plans = all.stream().map(Facts::priceId).filter(id -> id != null).distinct().sorted().toList();
        List<Facts> facts = query.plan().map(plan -> all.stream().filter(f -> plan.equals(f.priceId())).toList()).orElse(all);

        List<Month> months = new ArrayList<>();
        Map<YearMonth, List<Facts>> byMonth = facts.stream().collect(Collectors.groupingBy(f -> month(f.occurredAt())));
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            List<Facts> inMonth = byMonth.getOrDefault(month, List.of());
            Map<String, Integer> byReason = new TreeMap<>();
            inMonth.stream().filter(f -> f.kind() == Kind.ENDED).forEach(f -> byReason.merge(reason(f), 1, Integer::sum));
            months.add(new Month(month, figures(inMonth), byReason));
        }
        List<Comment> comments = comments(facts);
        int end = Math.min(comments.size(), query.commentsOffset() + query.commentsLimit());
        return new Report(from, to, query.plan(), plans, months, groups(facts, ChurnInsights::reason),
                groups(facts, f -> f.priceId() == null ? "unknown" : f.priceId()), figures(facts),
                query.commentsOffset() >= comments.size() ? List.of() : comments.subList(query.commentsOffset(), end),
                end < comments.size());
    }

    private List<Facts> facts(YearMonth from, YearMonth to) {
        TypedQuery<ChurnRecord> records = em.createQuery("SELECT c FROM ChurnRecord c WHERE c.occurredAt >= :from"
                + " AND c.occurredAt < :to", ChurnRecord.class)
                .setParameter("from", from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                .setParameter("to", to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        return records.getResultList().stream().map(ChurnRecord::facts).toList();
    }

    private static List<Group> groups(List<Facts> facts, Function<Facts, String> key) {
        Map<String, List<Facts>> grouped = facts.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        List<Group> groups = new ArrayList<>();
        grouped.forEach((name, members) -> groups.add(new Group(name, figures(members))));
        groups.sort(Comparator.comparingInt((Group g) -> g.figures().cancellations()).reversed());
        return groups;
    }

    static Figures figures(List<Facts> facts) {
        List<Facts> ended = facts.stream().filter(f -> f.kind() == Kind.ENDED).toList();
        Map<String, Long> lost = new TreeMap<>();
        ended.stream().filter(f -> f.monthlyAmount() != null && f.currency() != null)
                .forEach(f -> lost.merge(f.currency().toLowerCase(Locale.ROOT), f.monthlyAmount(), Long::sum));
        List<Integer> ages = ended.stream().map(Facts::ageDays).filter(age -> age != null).sorted().toList();
        Double median = ages.isEmpty() ? null : ages.size() % 2 == 1 ? (double) ages.get(ages.size() / 2)
                : (ages.get(ages.size() / 2 - 1) + ages.get(ages.size() / 2)) / 2.0;
        return new Figures(ended.size(), count(facts, Kind.SCHEDULED), count(facts, Kind.UNDONE), lost, median);
    }

    /** Each subscription's comment once (Stripe repeats it on the ending), newest first. */
    private static List<Comment> comments(List<Facts> facts) {
        Map<String, Comment> kept = new LinkedHashMap<>();
        facts.stream().filter(f -> f.comment() != null)
                .sorted(Comparator.comparing(Facts::occurredAt).reversed())
                .forEach(f -> kept.putIfAbsent(f.subscriptionId() + "\n" + f.comment(), new Comment(f.subscriptionId(),
                        f.workspaceId(), f.occurredAt(), f.priceId(), f.feedback(), f.comment())));
        return List.copyOf(kept.values());
    }

    private static int count(List<Facts> facts, Kind kind) {
        return (int) facts.stream().filter(f -> f.kind() == kind).count();
    }

    private static String reason(Facts f) {
        return f.feedback() == null ? NONE : f.feedback();
    }

    private static YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }
}
