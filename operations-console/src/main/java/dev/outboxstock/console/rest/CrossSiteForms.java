package dev.outboxstock.console.rest;

import java.net.URI;

/**
 * Tells a form posted from another site by what the browser says of it: {@code Sec-Fetch-Site} where the browser sends
 * it, else the {@code Origin}. A request with neither comes from no browser's page (a script, curl) and carries no
 * cookie a browser would add, so there is nothing to forge.
 */
final class CrossSiteForms {

    private CrossSiteForms() {}

    static boolean isCrossSite(String fetchSite, String origin, URI requestUri) {
        if (fetchSite != null) {
            // "none": typed or bookmarked by the user; "same-site" is another origin of the same site: refused too.
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        if (origin != null) {
            return !origin.equalsIgnoreCase(requestUri.getScheme() + "://" + requestUri.getRawAuthority());
        }
        return false;
    }
}
