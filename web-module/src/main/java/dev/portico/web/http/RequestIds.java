package dev.portico.web.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, for log lines and for the caller ({@code X-Request-Id} on every
 * answer): the one a load balancer or client sent, when it is a plain token of at most 64
 * characters, else a new one. Never anything else a client sent: the id is written into logs.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class RequestIds extends HttpFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** The id of the request this thread serves, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String sent = request.getHeader(HEADER);
        String id = sent != null && WELL_FORMED.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        CURRENT.set(id);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }
}
