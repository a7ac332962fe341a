package org.handoff.plumbing.testing;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A service's authorization matrix (endpoint x caller -> status), turned into one dynamic test per
 * cell. Every row also gets two columns nobody has to write: no token at all, and the first caller
 * the row lets through (any answer but 401, 403 or 404) re-issued for another service's audience;
 * both must be 401.
 *
 * <p>Paths name fixtures in braces ({@code /api/v1/inbox/referrals/{referral}}); the fixture is
 * called once per cell, so a state-changing call by one caller never changes what the next one sees.
 */
public final class AuthorizationMatrix {

    /** A caller: a real signed token with these claims. */
    public record Caller(String name, String user, String agency, String sector, String... roles) {
        public String token() {
            return TestTokens.token(user, agency, sector, roles);
        }

        public String tokenFor(String audience) {
            return TestTokens.tokenFor(audience, user, agency, sector, roles);
        }
    }

    /** Where a cell's request goes once its fixtures exist, and the headers it needs (If-Match, say). */
    public record Target(String path, Map<String, String> headers) {
        public static Target of(String path) {
            return new Target(path, Map.of());
        }
    }

    private record Row(String method, String path, Object body, int[] expected) {
    }

    private final List<Caller> callers;
    private final List<Row> rows = new ArrayList<>();

    private AuthorizationMatrix(List<Caller> callers) {
        this.callers = List.copyOf(callers);
    }

    public static AuthorizationMatrix callers(Caller... callers) {
        return new AuthorizationMatrix(Arrays.asList(callers));
    }

    /** One endpoint: the expected status for each caller, in the order the callers were given; a body is sent as JSON. */
    public AuthorizationMatrix row(String method, String path, Object body, int... expected) {
        if (expected.length != callers.size()) {
            throw new IllegalArgumentException(method + " " + path + ": " + expected.length + " statuses for "
                    + callers.size() + " callers");
        }
        rows.add(new Row(method, path, body, expected));
        return this;
    }

    public Stream<DynamicTest> tests(Function<String, Target> fixture) {
        List<DynamicTest> tests = new ArrayList<>();
        String otherService = TestTokens.anotherService();
        for (Row row : rows) {
            String name = row.method() + " " + row.path();
            tests.add(cell(name + " without a token -> 401", row, fixture, null, 401));
            for (int i = 0; i < callers.size(); i++) {
                Caller caller = callers.get(i);
                tests.add(cell(name + " as " + caller.name() + " -> " + row.expected()[i], row, fixture,
                        caller.token(), row.expected()[i]));
            }
            for (int i = 0; i < callers.size(); i++) {
                if (passesAuthorization(row.expected()[i])) {
                    Caller caller = callers.get(i);
                    tests.add(cell(name + " as " + caller.name() + " with a token for " + otherService + " -> 401",
                            row, fixture, caller.tokenFor(otherService), 401));
                    break;
                }
            }
        }
        return tests.stream();
    }

    private static boolean passesAuthorization(int status) {
        return status != 401 && status != 403 && status != 404;
    }

    private static DynamicTest cell(String name, Row row, Function<String, Target> fixture, String token, int expected) {
        return DynamicTest.dynamicTest(name, () -> {
            Response response = call(row, fixture.apply(row.path()), token);
            assertEquals(expected, response.statusCode(), name + ": " + response.asString());
        });
    }

    private static Response call(Row row, Target target, String token) {
        String path = target.path();
        RequestSpecification request = given().headers(target.headers());
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (row.body() != null) {
            request.contentType(ContentType.JSON).body(row.body());
        }
        return switch (row.method()) {
            case "GET" -> request.get(path);
            case "POST" -> request.post(path);
            case "PUT" -> request.put(path);
            case "DELETE" -> request.delete(path);
            default -> throw new IllegalArgumentException("method " + row.method());
        };
    }
}
