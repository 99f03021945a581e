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
 * state and tokens' answers must not sit in a shared cache); on the pages (the billing page,
 * its return page, the unsubscribe page, the insights page) a Content-Security-Policy that allows
 * scripts, styles and requests from Portico only, no inline script, and framing only by {@link FrameAncestors}.
 * Version banners ({@code Server}, {@code X-Powered-By}) are switched off in Payara's HTTP listeners.
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
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (path.startsWith("/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (isPage(path)) {
            response.setHeader("Content-Security-Policy", pagePolicy);
        }
        chain.doFilter(request, response);
    }

    private static boolean isPage(String path) {
        return path.equals("/billing") || path.startsWith("/billing/") || path.startsWith("/pages/")
                || path.equals("/insights") || path.startsWith("/insights/")
                || path.equals("/api/notifications/unsubscribe");
    }
}
