package org.handoff.notification.rest;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.notification.Notification;
import org.handoff.notification.service.AcknowledgementService;
import org.handoff.plumbing.problem.ProblemException;

/**
 * The one-time acknowledgement link of an e-mail, SMS or webhook. Opening it (GET) only shows a button,
 * so a mail scanner that follows links acknowledges nothing; the button (POST) acknowledges, and the link
 * is then spent. The token in the link is the credential: no sign-in needed on a phone.
 */
@Path("/api/v1/acknowledgements/{token}")
@Tag(name = "Acknowledgement links")
@PermitAll
public class AcknowledgementResource {

    private final AcknowledgementService acknowledgements;

    public AcknowledgementResource(AcknowledgementService acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @WithTransaction
    @Operation(summary = "The page behind a one-time acknowledgement link (acknowledges nothing by itself)")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "410", description = "The link was used already, has expired or never existed (a page saying so)",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<Response> show(@PathParam("token") String token) {
        return acknowledgements.peek(token).map(n -> n == null ? spent()
                : page(200, "Acknowledge " + escape(n.subject),
                "<form method=\"post\"><button type=\"submit\">Acknowledge / Подтвердить</button></form>"));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @WithTransaction
    @Operation(summary = "Acknowledge through a one-time link; the link is spent afterwards")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "410", description = "The link was used already, has expired or never existed (a page saying so)",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<Response> acknowledge(@PathParam("token") String token) {
        return acknowledgements.acknowledgeByLink(token)
                .map((Notification n) -> page(200, "Acknowledged / Подтверждено", "<p>" + escape(n.subject) + "</p>"))
                .onFailure(ProblemException.class).recoverWithItem(AcknowledgementResource::spent);
    }

    private static Response spent() {
        return page(410, "This link is no longer valid / Ссылка недействительна",
                "<p>It was used already or has expired. Open the duty console to see the notification.</p>");
    }

    private static Response page(int status, String title, String body) {
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>"
                + title + "</h1>" + body + "</body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML + ";charset=utf-8").entity(html).build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
