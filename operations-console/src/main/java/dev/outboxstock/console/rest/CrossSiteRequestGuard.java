package dev.outboxstock.console.rest;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses a forged state change: every request but a read that the sign-in cookie authenticates must come from the
 * console's own page ({@link CrossSiteForms}: {@code Sec-Fetch-Site}, else {@code Origin}) and carry the session's
 * CSRF token ({@link CsrfTokens}) in the form field {@code csrf} or the header {@code X-CSRF-Token}; else 403, and
 * nothing is done. {@code SameSite=Strict} alone is not enough: a page on a sibling subdomain is the same site.
 *
 * <p>A request with an {@code Authorization} header (an API client, not a browser) needs no token: a browser adds that
 * header to no request another site's page makes (it would need a CORS preflight the console never grants), so there
 * is no ambient credential to forge with. Nor does the sign-in post, which has no session yet and checks where it
 * was posted from itself ({@link SignInPage}).
 */
public class CrossSiteRequestGuard {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final CsrfTokens tokens;

    public CrossSiteRequestGuard(CsrfTokens tokens) {
        this.tokens = tokens;
    }

    /** Runs once a form body is read, so that its {@code csrf} field can be checked. */
    @WithFormRead
    @ServerRequestFilter
    public void refuseForged(ResteasyReactiveContainerRequestContext request) {
        Cookie session = request.getCookies().get(SignInPage.COOKIE);
        if (READS.contains(request.getMethod())
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || session == null
                || request.getUriInfo().getPath().equals(SignInPage.PATH)) {
            return;
        }
        if (CrossSiteForms.isCrossSite(
                request.getHeaderString("Sec-Fetch-Site"),
                request.getHeaderString("Origin"),
                request.getUriInfo().getRequestUri())) {
            throw new ForbiddenException("A change is accepted only from the console's own page");
        }
        if (!tokens.matches(session.getValue(), token(request))) {
            throw new ForbiddenException(
                    "The request carries no valid CSRF token of this session: reload the console's page and try again");
        }
    }

    private static String token(ResteasyReactiveContainerRequestContext request) {
        String header = request.getHeaderString(CsrfTokens.HEADER);
        if (header != null) {
            return header;
        }
        Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(CsrfTokens.FIELD, true, false);
        return field instanceof String text ? text : null;
    }
}
