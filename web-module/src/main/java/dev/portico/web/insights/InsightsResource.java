package dev.portico.web.insights;

import dev.portico.billing.boundary.ChurnInsights;
import dev.portico.billing.boundary.ChurnInsights.Figures;
import dev.portico.billing.boundary.ChurnInsights.Group;
import dev.portico.billing.boundary.ChurnInsights.Report;
import dev.portico.web.Jsons;
import dev.portico.web.error.ApiError;
import dev.portico.web.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The churn insights for Portico's operators ({@code portico-operator}): month by month, by feedback
 * reason and by plan, with the customers' comments ({@link ChurnInsights} defines each figure).
 */
@Path("insights")
@RolesAllowed(Roles.OPERATOR)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InsightsResource {

    private static final int MAX_COMMENTS = 100;

    @Inject
    ChurnInsights insights;

    @GET
    @Path("churn")
    public JsonObject churn(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("plan") String plan,
                            @QueryParam("commentsOffset") @DefaultValue("0") int commentsOffset,
                            @QueryParam("commentsLimit") @DefaultValue("20") int commentsLimit) {
        if (commentsOffset < 0 || commentsLimit < 1 || commentsLimit > MAX_COMMENTS) {
            throw ApiError.invalidRequest("commentsOffset must be 0 or more, commentsLimit between 1 and " + MAX_COMMENTS + ".");
        }
        Report report;
        try {
            report = insights.churn(new ChurnInsights.Query(month("from", from), month("to", to),
                    Optional.ofNullable(plan).filter(p -> !p.isBlank()), commentsOffset, commentsLimit));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidRequest(e.getMessage());
        }
        return json(report, commentsOffset, commentsLimit);
    }

    private static Optional<YearMonth> month(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(value));
        } catch (DateTimeParseException e) {
            throw ApiError.invalidRequest(name + " must be a month, e.g. 2026-03.");
        }
    }

    private static JsonObject json(Report report, int offset, int limit) {
        JsonArrayBuilder months = Jsons.array();
        report.months().forEach(month -> {
            JsonObjectBuilder reasons = Jsons.object();
            month.cancellationsByReason().forEach(reasons::add);
            months.add(figures(Jsons.object().add("month", month.month().toString()), month.figures())
                    .add("cancellationsByReason", reasons));
        });
        JsonArrayBuilder comments = Jsons.array();
        report.comments().forEach(comment -> {
            JsonObjectBuilder json = Jsons.object().add("at", comment.at().toString()).add("workspaceId", comment.workspaceId())
                    .add("comment", comment.comment());
            Jsons.addOrNull(json, "subscriptionId", comment.subscriptionId());
            Jsons.addOrNull(json, "plan", comment.plan());
            comments.add(Jsons.addOrNull(json, "feedback", comment.feedback()));
        });
        JsonArrayBuilder plans = Jsons.array();
        report.plans().forEach(plans::add);
        JsonObjectBuilder json = Jsons.object().add("from", report.from().toString()).add("to", report.to().toString());
        Jsons.addOrNull(json, "plan", report.plan().orElse(null));
        return json.add("plans", plans)
                .add("months", months)
                .add("byReason", groups(report.byReason(), "reason"))
                .add("byPlan", groups(report.byPlan(), "plan"))
                .add("total", figures(Jsons.object(), report.total()))
                .add("comments", Jsons.object().add("offset", offset).add("limit", limit).add("more", report.moreComments())
                        .add("items", comments))
                .build();
    }

    private static JsonArrayBuilder groups(List<Group> groups, String name) {
        JsonArrayBuilder array = Jsons.array();
        groups.forEach(group -> array.add(figures(Jsons.object().add(name, group.key()), group.figures())));
        return array;
    }

    private static JsonObjectBuilder figures(JsonObjectBuilder json, Figures figures) {
        JsonObjectBuilder lost = Jsons.object();
        for (Map.Entry<String, Long> amount : figures.monthlyAmountLost().entrySet()) {
            lost.add(amount.getKey(), amount.getValue());
        }
        json.add("cancellations", figures.cancellations()).add("scheduled", figures.scheduled())
                .add("reactivations", figures.reactivations()).add("monthlyAmountLost", lost);
        return figures.medianAgeDays() == null ? json.addNull("medianAgeDays")
                : json.add("medianAgeDays", figures.medianAgeDays());
    }
}
