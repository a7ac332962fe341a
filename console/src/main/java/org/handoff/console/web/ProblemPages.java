package org.handoff.console.web;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A page instead of a bare status: a role that may not open a page, an address with nothing behind it,
 * or a service that refused or did not answer the call a page depends on (its status only, no internals).
 */
public class ProblemPages {

    private final PageContext page;

    public ProblemPages(PageContext page) {
        this.page = page;
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden() {
        return problem(403, "forbidden", null);
    }

    @ServerExceptionMapper(NotFoundException.class)
    public Response notFound() {
        return problem(404, "not-found", null);
    }

    /**
     * A service refused a call a whole page depends on (the parts of a page that can fail alone say so in
     * place): its refusal is the page's, anything else is the service's trouble, shown by its status only.
     */
    @ServerExceptionMapper(ClientWebApplicationException.class)
    public Response refused(ClientWebApplicationException failure) {
        return switch (Failures.status(failure)) {
            case 403 -> problem(403, "forbidden", null);
            case 404 -> problem(404, "not-found", null);
            default -> problem(502, "unavailable", Failures.describe(failure));
        };
    }

    /** A service did not answer at all (refused connection, timeout). */
    @ServerExceptionMapper(ProcessingException.class)
    public Response unreachable(ProcessingException failure) {
        return problem(502, "unavailable", Failures.describe(failure));
    }

    private Response problem(int status, String kind, String detail) {
        String html = page.render(Pages.problem(page.chrome(), kind, detail)).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
