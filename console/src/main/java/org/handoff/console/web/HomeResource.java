package org.handoff.console.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** After sign-in: who you are and where your role's work is. */
@Path("/")
@Authenticated
public class HomeResource {

    private final PageContext page;

    public HomeResource(PageContext page) {
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return page.render(Pages.home(page.chrome()));
    }
}
