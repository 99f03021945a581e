package dev.portico.web.http;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The headers every answer carries, set before anything is written (also on error pages):
 * {@code nosniff} and no referrer everywhere; {@code Cache-Control: no-store} on the API (billing
 * state and tokens' answers must not sit in a shared cache); and a Content-Security-Policy that
 * allows scripts, styles and requests from Portico only, no inline script, and framing only by
 * {@link FrameAncestors}: on every answer, pages (the billing page, its return page, the
 * unsubscribe page, the insights page) and the rest alike, since a JSON or error answer loses
 * nothing by it. The API is recognised by the path the container mapped (servlet path and path
 * info: decoded, path parameters gone), not the raw URI, so {@code /api;x/billing/overview} is
 * the API as well. Version banners ({@code Server}, {@code X-Powered-By}) are switched off in
 * Payara's HTTP listeners ({@code prepare-domain.sh}).
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    @Inject
    @ConfigProperty(name = FrameAncestors.KEY)
    Optional<String> frameAncestors;

    @Inject
    @ConfigProperty(name = "portico.portal.allowed-return-hosts")
    Optional<String> returnHosts;

    private String pagePolicy;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        pagePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors " + FrameAncestors.of(frameAncestors, returnHosts).directive();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", pagePolicy);
        if (isApi(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    /** Whether the container mapped the request to the API ({@code /api/*}). */
    private static boolean isApi(HttpServletRequest request) {
        String mapped = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return mapped.equals("/api") || mapped.startsWith("/api/");
    }
}
