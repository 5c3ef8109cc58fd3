package dev.outboxstock.console.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Where an operator's browser hands over its bearer token (from the identity provider) once: it is kept in a cookie
 * the page's requests present, {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no other site's page
 * can make the browser send it; a page on a sibling subdomain is the same site, hence {@link CrossSiteRequestGuard})
 * and {@code Secure} but on a plain-HTTP local run. The token is verified on every
 * request, as if it came in an {@code Authorization} header; this page only stores it. A sign-in posted from another
 * site is refused: it would sign the operator's browser in as whoever owns the posted token (login CSRF), and the
 * operator's actions would then be done in that name.
 */
@Path(SignInPage.PATH)
@PermitAll
public class SignInPage {

    static final String PATH = "/sign-in";

    /** The cookie the console reads a browser's token from ({@code mp.jwt.token.cookie}). */
    static final String COOKIE = "console-token";

    /** The hosts of a plain-HTTP local run (the local system, a developer's machine). */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance form() {
        return Templates.signIn();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public RestResponse<Void> signIn(
            @RestForm String token,
            @RestHeader("Sec-Fetch-Site") String fetchSite,
            @RestHeader("Origin") String origin,
            UriInfo request) {
        if (CrossSiteForms.isCrossSite(fetchSite, origin, request.getRequestUri())) {
            throw new ForbiddenException("A sign-in is accepted only from the console's own sign-in page");
        }
        NewCookie cookie = new NewCookie.Builder(COOKIE)
                .value(token == null ? "" : token.strip())
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .secure(needsSecure(request.getRequestUri()))
                .build();
        return RestResponse.ResponseBuilder.<Void>seeOther(URI.create("/"))
                .cookie(cookie)
                .build();
    }

    /**
     * {@code Secure} (sent over HTTPS only) unless the console is reached over plain HTTP on this machine. Behind the
     * TLS ingress the request's scheme is the ingress's https ({@code X-Forwarded-Proto}, with the proxy forwarding
     * deploy/ configures); and should forwarding ever be missing, the host is still the ingress's, not a loopback
     * one, so the cookie (a bearer token every service accepts) is never sent over plain HTTP.
     */
    static boolean needsSecure(URI request) {
        return "https".equalsIgnoreCase(request.getScheme())
                || request.getHost() == null
                || !LOOPBACK.contains(request.getHost().toLowerCase(Locale.ROOT));
    }
}
