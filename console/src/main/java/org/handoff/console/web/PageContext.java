package org.handoff.console.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.handoff.console.ConsoleConfig;
import org.handoff.console.i18n.Languages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One request's page frame: the language (remembered in a cookie once chosen with {@code ?lang=}) and the
 * signed-in user. Resources hand their template to {@link #render} so every page gets both.
 */
@RequestScoped
public class PageContext {

    public static final String LANG_COOKIE = "handoff-lang";
    public static final String LANG_PARAM = "lang";

    private final Chrome chrome;

    /** In a web-app the injected JsonWebToken is the ID token (the access token goes only to the services). */
    public PageContext(RoutingContext request, Languages languages, SecurityIdentity identity,
                       JsonWebToken idToken, ConsoleConfig config) {
        String requested = request.request().getParam(LANG_PARAM);
        Cookie remembered = request.request().getCookie(LANG_COOKIE);
        String lang = languages.choose(requested, remembered == null ? null : remembered.getValue(),
                request.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        if (requested != null && requested.equals(lang)) {
            request.response().addCookie(Cookie.cookie(LANG_COOKIE, lang).setPath("/").setMaxAge(365L * 24 * 3600)
                    .setHttpOnly(true).setSameSite(CookieSameSite.LAX));
        }
        List<Chrome.LanguageLink> links = languages.available().stream()
                .map(tag -> new Chrome.LanguageLink(tag, languages.nativeName(tag), hrefWithLang(request, tag), tag.equals(lang)))
                .toList();
        this.chrome = new Chrome(lang, links, me(identity, idToken), config.timeZone().getId());
    }

    public Chrome chrome() {
        return chrome;
    }

    public Me me() {
        return chrome.me();
    }

    /** The page in this request's language. */
    public TemplateInstance render(TemplateInstance page) {
        return page.setAttribute("locale", Locale.forLanguageTag(chrome.lang()));
    }

    private static Me me(SecurityIdentity identity, JsonWebToken idToken) {
        if (identity.isAnonymous()) {
            return new Me("", "", List.of(), null, null);
        }
        String user = claim(idToken, "preferred_username").orElse(identity.getPrincipal().getName());
        String name = claim(idToken, "name").orElse(user);
        List<String> roles = Me.HANDOFF_ROLES.stream().filter(identity::hasRole).toList();
        return new Me(user, name, roles, claim(idToken, "agency").orElse(null), claim(idToken, "sector").orElse(null));
    }

    private static Optional<String> claim(JsonWebToken token, String name) {
        Object value = token == null ? null : token.getClaim(name);
        return Optional.ofNullable(value).map(Object::toString).filter(s -> !s.isBlank());
    }

    /** This page again with another {@code lang}; the other query parameters stay. */
    private static String hrefWithLang(RoutingContext request, String tag) {
        String query = request.queryParams().entries().stream()
                .filter(e -> !e.getKey().equals(LANG_PARAM))
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return request.request().path() + "?" + (query.isEmpty() ? "" : query + "&") + LANG_PARAM + "=" + tag;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
