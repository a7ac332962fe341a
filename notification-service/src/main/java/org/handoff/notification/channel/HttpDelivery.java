package org.handoff.notification.channel;

import org.handoff.events.DeliveryFailure;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** The HTTP call shared by webhooks and the SMS gateway, with its failures sorted into the contract's kinds. */
final class HttpDelivery {

    private HttpDelivery() {
    }

    static HttpClient client(Duration timeout) {
        return HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Returns the status of a 2xx answer; throws a {@link DeliveryException} for anything else. */
    static int post(HttpClient client, HttpRequest request, String what) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException(DeliveryFailure.TIMEOUT, true, what + " timed out", e);
        } catch (ConnectException e) {
            throw new DeliveryException(DeliveryFailure.UNREACHABLE, true, what + " unreachable: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DeliveryException(DeliveryFailure.UNREACHABLE, true, what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(DeliveryFailure.TIMEOUT, true, what + " interrupted", e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return status;
        }
        // 408, 429 and 5xx may pass; any other refusal will not change by asking again
        boolean retryable = status == 408 || status == 429 || status >= 500;
        throw new DeliveryException(status == 408 ? DeliveryFailure.TIMEOUT : DeliveryFailure.REJECTED, retryable,
                what + " answered HTTP " + status);
    }
}
